package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.Suggestions;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.Identifier;
import io.eventflux.sql.internal.ast.OptionEntry;
import io.eventflux.sql.internal.ast.Select;
import io.eventflux.sql.internal.ast.Source;
import io.eventflux.sql.internal.ast.Statement;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.StreamInput;
import io.eventflux.sql.plan.TableDef;
import io.eventflux.sql.plan.TableWritePlan;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables (SQL.md 2, 3.6): {@code CREATE TABLE} into a {@link TableDef} (primary key from column or table
 * constraints, {@code WITH ('index' = 'a, b')}), and stream-driven UPDATE / DELETE / UPSERT into
 * {@link TableWritePlan}s, whose expressions see the driving stream as input 0 and the table as input 1.
 */
final class TableAnalyzer {
    private final Symbols symbols;
    private final Errors errors;
    private final ExpressionAnalyzer expressions;

    TableAnalyzer(Symbols symbols, Errors errors, ExpressionAnalyzer expressions) {
        this.symbols = symbols;
        this.errors = errors;
        this.expressions = expressions;
    }

    TableDef define(Statement.CreateTable ct, StreamSchema schema, Map<String, String> options) {
        List<String> key = new ArrayList<>();
        for (Identifier k : ct.primaryKey()) {
            if (schema.indexOf(k.text()) < 0) {
                errors.add(new CompileProblem(k.pos(), "primary key column '" + k.text() + "' is not a column of table '"
                        + schema.name() + "'", k.text(), Suggestions.hint(k.text(), schema.names())));
            } else if (!key.contains(k.text())) {
                key.add(k.text());
            }
        }
        List<String> indexes = new ArrayList<>();
        for (OptionEntry e : ct.options()) {
            if (e.key().equalsIgnoreCase("index")) {
                for (String c : e.value().split(",")) {
                    String column = c.trim();
                    if (column.isEmpty()) {
                        continue;
                    }
                    if (schema.indexOf(column) < 0) {
                        errors.add(new CompileProblem(e.pos(), "index column '" + column
                                + "' is not a column of table '" + schema.name() + "'", column,
                                Suggestions.hint(column, schema.names())));
                    } else if (!indexes.contains(column)) {
                        indexes.add(column);
                    }
                }
            }
        }
        return new TableDef(schema, key, indexes, options, ct.pos());
    }

    TableWritePlan update(Statement.Update u, String name) {
        StreamSchema table = table(u.table());
        Driving d = driving(u.from(), u.pos(), "UPDATE ... SET ... FROM <stream>");
        Scope scope = scope(d, table);
        List<TableWritePlan.Assignment> set = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Statement.Assignment a : u.assignments()) {
            errors.attempt(() -> {
                Expr.Column target = a.target();
                if (target.qualifier() != null && !target.qualifier().equals(table.name())
                        && !target.qualifier().equals(u.table().text())) {
                    throw new CompileProblem(target.pos(), "SET can only assign columns of table '" + table.name()
                            + "'", target.written(), null);
                }
                int column = table.indexOf(target.name());
                if (column < 0) {
                    throw new CompileProblem(target.pos(), "unknown column '" + target.name() + "' in table '"
                            + table.name() + "'", target.name(), Suggestions.hint(target.name(), table.names()));
                }
                if (!seen.add(column)) {
                    throw new CompileProblem(target.pos(), "column '" + target.name() + "' is assigned twice",
                            target.name(), null);
                }
                TypedExpr value = expressions.analyze(a.value(), ExprContext.noAggregates(scope, "SET"));
                set.add(new TableWritePlan.Assignment(column, fit(value, table.attribute(column), a.value().pos())));
            });
        }
        TypedExpr condition = u.where() == null ? null : errors.attempt(() -> condition(u.where(), scope, "WHERE"));
        return new TableWritePlan(name, TableWritePlan.Kind.UPDATE, table, d.input(), condition, set, List.of(),
                u.pos());
    }

    TableWritePlan delete(Statement.Delete d, String name) {
        StreamSchema table = table(d.table());
        Driving in = driving(d.using(), d.pos(), "DELETE FROM <table> USING <stream>");
        Scope scope = scope(in, table);
        TypedExpr condition = d.where() == null ? null : errors.attempt(() -> condition(d.where(), scope, "WHERE"));
        return new TableWritePlan(name, TableWritePlan.Kind.DELETE, table, in.input(), condition, List.of(), List.of(),
                d.pos());
    }

    TableWritePlan upsert(Statement.Upsert u, String name) {
        StreamSchema table = table(u.table());
        Select select = u.select();
        Driving d = driving(select.from(), u.pos(), "UPSERT INTO <table> SELECT ... FROM <stream> ON ...");
        if (!select.groupBy().isEmpty() || select.having() != null || !select.orderBy().isEmpty()
                || select.limit() != null || select.output() != null || select.distinct()) {
            throw new CompileProblem(select.pos(), "UPSERT takes a plain SELECT (no DISTINCT, GROUP BY, HAVING, "
                    + "ORDER BY, LIMIT or OUTPUT)", "UPSERT", null);
        }
        Scope own = new Scope(List.of(d.scopeInput()));
        List<TypedExpr> values = new ArrayList<>();
        for (Select.SelectItem item : select.items()) {
            if (item instanceof Select.Star) {
                for (Attribute a : d.input().stream().attributes()) {
                    values.add(own.attribute(d.scopeInput(), a.name(), item.pos(), List.of()));
                }
            } else {
                Select.Column c = (Select.Column) item;
                TypedExpr t = errors.attempt(() -> expressions.analyze(c.expression(),
                        ExprContext.noAggregates(own, "SELECT")));
                values.add(t);
            }
        }
        if (values.size() != table.size()) {
            throw new CompileProblem(select.pos(), "the SELECT produces " + values.size() + " column(s) but table '"
                    + table.name() + "' has " + table.size() + " (" + table.attributes() + ")", table.name(), null);
        }
        List<TypedExpr> row = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            TypedExpr v = values.get(i);
            int column = i;
            row.add(v == null ? null : errors.attempt(() -> fit(v, table.attribute(column), select.pos())));
        }
        StreamInput input = d.input();
        if (select.where() != null) {
            TypedExpr filter = errors.attempt(() -> condition(select.where(), own, "WHERE"));
            input = new StreamInput(input.stream(), input.alias(), filter, null);
        }
        Scope scope = scope(d, table);
        TypedExpr on = errors.attempt(() -> condition(u.on(), scope, "ON"));
        return new TableWritePlan(name, TableWritePlan.Kind.UPSERT, table, input, on, List.of(), row, u.pos());
    }

    /** The driving stream and its scope entry. */
    private record Driving(StreamInput input, Scope.Input scopeInput) {
    }

    private Driving driving(Source source, SourcePosition pos, String form) {
        if (source == null) {
            throw new CompileProblem(pos, "a table change needs a stream to drive it: " + form, "FROM", null);
        }
        if (!(source instanceof Source.StreamSource s)) {
            throw new CompileProblem(source.pos(), "a table change is driven by a single stream: " + form, "JOIN",
                    null);
        }
        if (s.window() != null) {
            throw new CompileProblem(s.window().pos(), "a window on the stream of a table change is not supported yet",
                    s.window().type(), null);
        }
        Symbols.Entry entry = symbols.require(s.stream());
        if (entry.kind() != Symbols.Kind.STREAM) {
            throw new CompileProblem(s.stream().pos(), "a table change is driven by a stream, and '"
                    + s.stream().text() + "' is a " + Symbols.kindName(entry.kind()), s.stream().text(), null);
        }
        String alias = s.alias() == null ? null : s.alias().text();
        return new Driving(new StreamInput(entry.schema(), alias, null, null),
                new Scope.Input(0, entry.schema().name(), alias, entry.schema()));
    }

    private static Scope scope(Driving d, StreamSchema table) {
        return new Scope(List.of(d.scopeInput(), new Scope.Input(1, table.name(), null, table)));
    }

    private StreamSchema table(Identifier name) {
        Symbols.Entry entry = symbols.require(name, Symbols.Kind.TABLE);
        if (entry.kind() != Symbols.Kind.TABLE) {
            throw new CompileProblem(name.pos(), "'" + name.text() + "' is a " + Symbols.kindName(entry.kind())
                    + ", not a table", name.text(), null);
        }
        return entry.schema();
    }

    private TypedExpr condition(Expr e, Scope scope, String clause) {
        TypedExpr t = expressions.analyze(e, ExprContext.noAggregates(scope, clause));
        TypeRules.requireBool(t, clause, e.pos());
        return t;
    }

    /** A value fitted to a column: same type, NULL, or a widening CAST. */
    static TypedExpr fit(TypedExpr value, Attribute column, SourcePosition pos) {
        if (value.type() == column.type() || TypeRules.isNull(value)) {
            return value;
        }
        if (TypeRules.widens(value.type(), column.type())) {
            return new TypedExpr.Cast(value, column.type());
        }
        throw new CompileProblem(pos, "a " + value.type() + " value cannot be stored in column " + column,
                column.name(), "CAST it to " + column.type());
    }

    static Map<String, String> options(List<OptionEntry> entries) {
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionEntry e : entries) {
            options.put(e.key(), e.value());
        }
        return options;
    }
}
