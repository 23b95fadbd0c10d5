package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.OptionEntry;
import io.eventflux.sql.internal.ast.Select;
import io.eventflux.sql.internal.ast.Source;
import io.eventflux.sql.internal.ast.Statement;
import io.eventflux.sql.internal.ast.TimeUnit;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.AggregationDef;
import io.eventflux.sql.plan.SelectorPlan.OutputColumn;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.TypedExpr;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code CREATE AGGREGATION} (SQL.md 6) into an {@link AggregationDef}: one stream without window, a SELECT of
 * incremental aggregates and GROUP BY keys, the granularities and the WITH options (store, retention per
 * granularity, time zone).
 */
final class AggregationAnalyzer {
    private final Symbols symbols;
    private final Errors errors;
    private final ExpressionAnalyzer expressions;
    private final SelectAnalyzer selects;

    AggregationAnalyzer(Symbols symbols, Errors errors, ExpressionAnalyzer expressions) {
        this.symbols = symbols;
        this.errors = errors;
        this.expressions = expressions;
        this.selects = new SelectAnalyzer(expressions, errors);
    }

    /** The definition, or null when errors were recorded. */
    AggregationDef analyze(Statement.CreateAggregation ag) {
        int before = errors.count();
        Select select = ag.select();
        if (!(select.from() instanceof Source.StreamSource s) || s.window() != null || s.unidirectional()) {
            throw new CompileProblem(select.from().pos(), "an aggregation reads one stream (no window, join or "
                    + "pattern)", "FROM", null);
        }
        Symbols.Entry entry = symbols.require(s.stream());
        if (entry.kind() != Symbols.Kind.STREAM && entry.kind() != Symbols.Kind.TRIGGER) {
            throw new CompileProblem(s.stream().pos(), "an aggregation reads a stream, and '" + s.stream().text()
                    + "' is a " + Symbols.kindName(entry.kind()), s.stream().text(), null);
        }
        rejectClauses(select);
        StreamSchema source = entry.schema();
        String alias = s.alias() == null ? null : s.alias().text();
        Scope scope = new Scope(List.of(new Scope.Input(0, source.name(), alias, source)));
        TypedExpr filter = select.where() == null ? null : errors.attempt(() -> {
            TypedExpr w = expressions.analyze(select.where(), ExprContext.noAggregates(scope, "WHERE"));
            TypeRules.requireBool(w, "WHERE", select.where().pos());
            return w;
        });
        TypedExpr timestamp = ag.timestamp() == null ? null : errors.attempt(() -> {
            TypedExpr t = expressions.analyze(new Expr.Column(null, ag.timestamp().text(), ag.timestamp().pos()),
                    ExprContext.noAggregates(scope, "AGGREGATE BY"));
            if (t.type() != AttributeType.LONG && t.type() != AttributeType.INT) {
                throw new CompileProblem(ag.timestamp().pos(), "AGGREGATE BY needs a LONG attribute (epoch "
                        + "milliseconds), and '" + ag.timestamp().text() + "' is " + t.type(), ag.timestamp().text(),
                        null);
            }
            return t;
        });
        SelectAnalyzer.Parts parts = selects.analyze(select, scope, columns -> columns);
        if (errors.count() > before) {
            return null;
        }
        for (AggregateCall call : parts.aggregates()) {
            if (!AggregationDef.INCREMENTAL.contains(call.name().toLowerCase(Locale.ROOT))) {
                SourcePosition pos = callPosition(select, call.name());
                errors.add(new CompileProblem(pos, "aggregator '" + call.name() + "' cannot be kept incrementally "
                        + "in aggregation '" + ag.name().text() + "'", call.name(),
                        "use sum, count, avg, min, max, distinctCount, stdDev or variance"));
            }
        }
        checkColumns(parts, select, ag);
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute(AggregationDef.TIMESTAMP_COLUMN, AttributeType.LONG));
        for (OutputColumn c : parts.columns()) {
            if (c.name().equalsIgnoreCase(AggregationDef.TIMESTAMP_COLUMN)) {
                errors.add(new CompileProblem(ag.pos(), "column name " + c.name() + " is reserved for the bucket "
                        + "start", c.name(), null));
            }
            attributes.add(new Attribute(c.name(), c.expression().type()));
        }
        List<String> granularities = granularities(ag);
        Map<String, String> options = options(ag, granularities);
        if (errors.count() > before) {
            return null;
        }
        return new AggregationDef(new StreamSchema(ag.name().text(), attributes), source, filter, timestamp,
                parts.groupBy(), parts.columns(), parts.aggregates(), granularities, options, ag.pos());
    }

    private void rejectClauses(Select select) {
        String clause = select.having() != null ? "HAVING" : !select.orderBy().isEmpty() ? "ORDER BY"
                : select.limit() != null ? "LIMIT" : select.offset() != null ? "OFFSET"
                : select.output() != null ? "OUTPUT" : select.distinct() ? "DISTINCT" : null;
        if (clause != null) {
            throw new CompileProblem(select.pos(), clause + " has no meaning in an aggregation (filter, order or "
                    + "limit the rows where they are read)", clause, null);
        }
    }

    /** Outside aggregates a column may only read GROUP BY attributes: they are the same for a whole key. */
    private void checkColumns(SelectAnalyzer.Parts parts, Select select, Statement.CreateAggregation ag) {
        List<Integer> keyAttributes = new ArrayList<>();
        for (TypedExpr g : parts.groupBy()) {
            if (g instanceof TypedExpr.AttributeRef a) {
                keyAttributes.add(a.index());
            }
        }
        for (OutputColumn c : parts.columns()) {
            walk(c.expression(), TypedExpr.AttributeRef.class, a -> {
                if (!keyAttributes.contains(a.index())) {
                    errors.add(new CompileProblem(select.pos(), "column '" + c.name() + "' of aggregation '"
                            + ag.name().text() + "' reads '" + a.name() + "' outside an aggregate", a.name(),
                            "add " + a.name() + " to GROUP BY, or aggregate it"));
                }
            });
        }
    }

    private static List<String> granularities(Statement.CreateAggregation ag) {
        List<String> out = new ArrayList<>();
        for (TimeUnit u : TimeUnit.values()) {
            if (!ag.granularities().contains(u)) {
                continue;
            }
            if (u == TimeUnit.MILLISECONDS || u == TimeUnit.WEEKS) {
                throw new CompileProblem(ag.pos(), "granularity " + u + " is not supported", u.name(),
                        "use SECONDS, MINUTES, HOURS, DAYS, MONTHS or YEARS");
            }
            out.add(u.name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private Map<String, String> options(Statement.CreateAggregation ag, List<String> granularities) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OptionEntry e : ag.options()) {
            String key = e.key();
            String lower = key.toLowerCase(Locale.ROOT);
            out.put(key, e.value());
            if (lower.startsWith("retention.")) {
                String unit = lower.substring("retention.".length());
                if (!granularities.contains(unit)) {
                    errors.add(new CompileProblem(ag.pos(), "option '" + key + "' names no granularity of aggregation '"
                            + ag.name().text() + "'", key, "granularities: " + granularities));
                } else if (!e.value().equalsIgnoreCase("all") && !positive(e.value())) {
                    errors.add(new CompileProblem(ag.pos(), "option '" + key + "' must be a positive number of "
                            + unit + " or 'all', not '" + e.value() + "'", key, null));
                }
            } else if (lower.equals("timezone")) {
                try {
                    ZoneId.of(e.value());
                } catch (DateTimeException ex) {
                    errors.add(new CompileProblem(ag.pos(), "option 'timezone' = '" + e.value() + "' is not a time "
                            + "zone", key, "e.g. 'UTC', 'Europe/Paris', '+05:30'"));
                }
            }
        }
        return out;
    }

    private static boolean positive(String value) {
        try {
            return Long.parseLong(value.trim()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static SourcePosition callPosition(Select select, String name) {
        SourcePosition[] found = {null};
        for (Select.SelectItem item : select.items()) {
            walk(item, Expr.FunctionCall.class, f -> {
                if (found[0] == null && (f.name().equalsIgnoreCase(name) || f.written().equalsIgnoreCase(name)
                        || f.distinct())) {
                    found[0] = f.pos();
                }
            });
        }
        return found[0] == null ? select.pos() : found[0];
    }

    /** Visits every node of type {@code type} in a tree of records (AST or typed expressions). */
    static <T> void walk(Object node, Class<T> type, Consumer<T> visit) {
        if (node == null) {
            return;
        }
        if (type.isInstance(node)) {
            visit.accept(type.cast(node));
        }
        if (node instanceof List<?> list) {
            for (Object o : list) {
                walk(o, type, visit);
            }
        } else if (node instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object value;
                try {
                    value = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (value instanceof Record || value instanceof List<?>) {
                    walk(value, type, visit);
                }
            }
        }
    }
}
