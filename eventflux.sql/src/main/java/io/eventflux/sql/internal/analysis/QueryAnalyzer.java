package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Select;
import io.eventflux.sql.internal.ast.Source;
import io.eventflux.sql.internal.ast.Statement;
import io.eventflux.sql.plan.AggregationDef;
import io.eventflux.sql.plan.InputPlan;
import io.eventflux.sql.plan.OutputPlan;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.RateLimitPlan;
import io.eventflux.sql.plan.SelectorPlan;
import io.eventflux.sql.plan.SelectorPlan.OutputColumn;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.StreamInput;
import io.eventflux.sql.plan.TypedExpr;
import io.eventflux.sql.plan.WindowPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One continuous query into a {@link QueryPlan}: input stream, WHERE, window, selector, output target and
 * rate limit; joins through {@link JoinAnalyzer}, patterns and sequences through {@link PatternAnalyzer}.
 */
final class QueryAnalyzer {
    static final String DEFAULT_OUTPUT = "OutputStream";

    private final Symbols symbols;
    private final Errors errors;
    private final ExpressionAnalyzer expressions;
    private final ExtensionResolver extensions;
    private final SelectAnalyzer selects;
    private final JoinAnalyzer joins;

    private final PatternAnalyzer patterns;

    QueryAnalyzer(Symbols symbols, Errors errors, ExtensionResolver extensions, Map<String, String> appOptions) {
        this.symbols = symbols;
        this.errors = errors;
        this.extensions = extensions;
        this.expressions = new ExpressionAnalyzer(extensions);
        this.selects = new SelectAnalyzer(expressions, errors);
        this.joins = new JoinAnalyzer(expressions, errors);
        this.patterns = new PatternAnalyzer(symbols, errors, expressions, extensions, appOptions);
    }

    /** The plan, or null when errors were recorded (or a {@link CompileProblem} for the whole query). */
    QueryPlan analyze(Statement.Query query, String name) {
        int before = errors.count();
        Select select = query.select();
        Analyzed in;
        if (select.from() instanceof Source.Join join) {
            in = joinInput(join, select);
        } else if (select.from() instanceof Source.PatternSource pattern) {
            PatternAnalyzer.Result result = patterns.analyze(pattern, select);
            in = new Analyzed(result.plan(), result.scope());
        } else {
            in = streamInput(select);
        }
        if (in == null) {
            return null;
        }
        Scope scope = in.scope();
        Target target = target(query);
        SelectAnalyzer.Parts parts = selects.analyze(select, scope, columns -> target.conform(columns));
        RateLimitPlan rate = select.output() == null ? null : errors.attempt(() -> rateLimit(select.output()));
        if (errors.count() > before) {
            return null;
        }
        StreamSchema outputSchema = target.register(parts.columns());
        SelectorPlan selector = new SelectorPlan(parts.columns(), select.distinct(), parts.groupBy(), parts.having(),
                parts.orderBy(), select.limit(), select.offset(), parts.aggregates(), outputSchema);
        OutputPlan output = new OutputPlan(target.name(), query.insert() == null ? OutputPlan.EventSelection.CURRENT
                : query.insert().events(), rate);
        return new QueryPlan(name, in.plan(), selector, output, query.pos());
    }

    /** A query's input plan and the scope its SELECT sees. */
    private record Analyzed(InputPlan plan, Scope scope) {
    }

    private Analyzed streamInput(Select select) {
        Source.StreamSource source = singleStream(select.from());
        StreamSchema schema = inputSchema(source);
        String alias = source.alias() == null ? null : source.alias().text();
        Scope scope = new Scope(List.of(new Scope.Input(0, schema.name(), alias, schema)));
        TypedExpr filter = select.where() == null ? null : errors.attempt(() -> where(select, scope));
        WindowPlan window = source.window() == null ? null : errors.attempt(() -> window(source.window(), scope));
        return new Analyzed(new StreamInput(schema, alias, filter, window), scope);
    }

    private Analyzed joinInput(Source.Join join, Select select) {
        JoinAnalyzer.Result r = joins.analyze(join, select.where(), new JoinAnalyzer.Inputs() {
            @Override
            public JoinAnalyzer.Resolved resolve(Source.StreamSource source) {
                return joinSide(source);
            }

            @Override
            public WindowPlan window(Source.WindowCall call, Scope own) {
                return QueryAnalyzer.this.window(call, own);
            }

            @Override
            public io.eventflux.sql.plan.PatternInput pattern(Source.PatternSource source) {
                return patterns.analyze(source, (io.eventflux.sql.internal.ast.Expr) null).plan();
            }
        });
        return r == null ? null : new Analyzed(r.plan(), r.scope());
    }

    /** A join input: a stream, or a table when tables are enabled. */
    private JoinAnalyzer.Resolved joinSide(Source.StreamSource source) {
        Symbols.Entry entry = symbols.require(source.stream());
        if (entry.kind() == Symbols.Kind.TABLE) {
            return new JoinAnalyzer.Resolved(entry.schema(), true);
        }
        if (entry.kind() == Symbols.Kind.AGGREGATION) {
            AggregationDef def = symbols.aggregation(source.stream().text());
            if (def == null) {
                throw new CompileProblem(source.stream().pos(), "aggregation '" + source.stream().text()
                        + "' has errors", source.stream().text(), null);
            }
            return new JoinAnalyzer.Resolved(def.schema(), false, def);
        }
        return new JoinAnalyzer.Resolved(inputSchema(source), false);
    }

    private static Source.StreamSource singleStream(Source source) {
        Source.StreamSource s = (Source.StreamSource) source;
        if (s.unidirectional()) {
            throw new CompileProblem(s.pos(), "UNIDIRECTIONAL is only allowed on a side of a join", "UNIDIRECTIONAL",
                    null);
        }
        return s;
    }

    private StreamSchema inputSchema(Source.StreamSource source) {
        String name = source.stream().text();
        if (name.startsWith("#") && !symbols.allowsInner()) {
            throw new CompileProblem(source.stream().pos(), "inner stream '" + name
                    + "' can only be used inside a PARTITION", name, null);
        }
        Symbols.Entry entry = symbols.require(source.stream());
        switch (entry.kind()) {
            case TABLE -> throw new CompileProblem(source.stream().pos(), "table '" + name
                    + "' cannot drive a continuous query", name,
                    "join it with a stream, or read it with an on-demand query (AppRuntime.query)");
            case AGGREGATION -> throw new CompileProblem(source.stream().pos(), "aggregation '" + name
                    + "' cannot drive a continuous query", name,
                    "join it: FROM S JOIN " + name + " ON ... WITHIN from, to PER 'granularity', or read it on demand");
            default -> {
                return entry.schema();
            }
        }
    }

    private TypedExpr where(Select select, Scope scope) {
        TypedExpr filter = expressions.analyze(select.where(), ExprContext.noAggregates(scope, "WHERE"));
        TypeRules.requireBool(filter, "WHERE", select.where().pos());
        return filter;
    }

    private WindowPlan window(Source.WindowCall call, Scope scope) {
        ExpressionAnalyzer.Arguments args = expressions.arguments(call.arguments(),
                ExprContext.noAggregates(scope, "a window argument"));
        WindowDefinition definition = extensions.window(call.type(), args.resolved(),
                scope.inputs().get(0).schema(), call.pos());
        return new WindowPlan(call.type(), args.resolved(), definition);
    }

    private static RateLimitPlan rateLimit(Select.OutputRate rate) {
        if (rate.events() <= 0 && rate.millis() <= 0) {
            throw new CompileProblem(rate.pos(), "the OUTPUT period must be positive", "OUTPUT", null);
        }
        if (rate.mode() == Select.OutputRate.Mode.SNAPSHOT && rate.millis() <= 0) {
            // a snapshot is the state at a time: a period of events has no time to stamp it with
            throw new CompileProblem(rate.pos(), "OUTPUT SNAPSHOT needs a time period, not a number of events",
                    "SNAPSHOT", "use OUTPUT SNAPSHOT EVERY <duration>, e.g. EVERY 1 SECOND");
        }
        return new RateLimitPlan(RateLimitPlan.Mode.valueOf(rate.mode().name()), rate.events(), rate.millis());
    }

    private Target target(Statement.Query query) {
        if (query.insert() == null) {
            return new Target(DEFAULT_OUTPUT, query.pos());
        }
        return new Target(query.insert().target().text(), query.insert().target().pos());
    }

    /** The stream a query inserts into: an existing one the columns must fit, or a new implicit one. */
    private final class Target {
        private final String name;
        private final SourcePosition pos;

        Target(String name, SourcePosition pos) {
            this.name = name;
            this.pos = pos;
        }

        String name() {
            return name;
        }

        /** The columns fitted to an existing stream (numeric widening becomes a CAST), or as they are. */
        List<OutputColumn> conform(List<OutputColumn> columns) {
            if (name.startsWith("#") && !symbols.allowsInner()) {
                throw new CompileProblem(pos, "inner stream '" + name + "' can only be used inside a PARTITION", name,
                        null);
            }
            Symbols.Entry entry = symbols.lookup(name);
            if (entry != null && entry.kind() == Symbols.Kind.TABLE) {
                return fit(columns, entry.schema()); // INSERT INTO a table (SQL.md 3.6)
            }
            if (entry != null && entry.kind() != Symbols.Kind.STREAM) {
                throw new CompileProblem(pos, "cannot insert into " + Symbols.kindName(entry.kind()) + " '" + name + "'",
                        name, null);
            }
            StreamDef existing = symbols.stream(name);
            return existing == null ? columns : fit(columns, existing.schema());
        }

        private List<OutputColumn> fit(List<OutputColumn> columns, StreamSchema schema) {
            if (columns.size() != schema.size()) {
                throw new CompileProblem(pos, "the query produces " + columns.size() + " column(s) but stream '" + name
                        + "' has " + schema.size() + " (" + schema.attributes() + ")", name, null);
            }
            List<OutputColumn> fitted = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                OutputColumn c = columns.get(i);
                Attribute a = schema.attribute(i);
                if (c.expression().type() == a.type() || TypeRules.isNull(c.expression())) {
                    fitted.add(c);
                } else if (TypeRules.widens(c.expression().type(), a.type())) {
                    fitted.add(new OutputColumn(c.name(), new TypedExpr.Cast(c.expression(), a.type())));
                } else {
                    throw new CompileProblem(pos, "column " + (i + 1) + " '" + c.name() + "' is "
                            + c.expression().type() + " but stream '" + name + "' declares " + a, name,
                            "CAST it to " + a.type());
                }
            }
            return fitted;
        }

        /** The output schema, registering an implicit stream on first use. */
        StreamSchema register(List<OutputColumn> columns) {
            Symbols.Entry entry = symbols.lookup(name);
            if (entry != null && entry.kind() == Symbols.Kind.TABLE) {
                return entry.schema();
            }
            StreamDef existing = symbols.stream(name);
            if (existing != null) {
                return existing.schema();
            }
            List<Attribute> attributes = columns.stream()
                    .map(c -> new Attribute(c.name(), c.expression().type())).toList();
            StreamSchema schema = new StreamSchema(name, attributes);
            symbols.addStream(new StreamDef(schema, StreamDef.Kind.IMPLICIT, Map.of(), pos));
            return schema;
        }
    }
}
