package io.eventflux.sql.internal.analysis;

import io.eventflux.api.StreamSchema;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.Source;
import io.eventflux.sql.plan.AggregationDef;
import io.eventflux.sql.plan.AggregationWithin;
import io.eventflux.sql.plan.JoinInput;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.TypedExpr;
import io.eventflux.sql.plan.WindowPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The FROM part of a join query (SQL.md 3.4) into a {@link JoinInput}: the inputs in order (streams with
 * their windows, tables), each ON condition typed over the inputs it may see (0..k), and WHERE over all.
 */
final class JoinAnalyzer {
    /** What a join source resolves to: the plan and the scope the SELECT sees. */
    record Result(JoinInput plan, Scope scope) {
    }

    /** Resolves an input name: a stream or table schema and whether it is a table. */
    interface Inputs {
        Resolved resolve(Source.StreamSource source);

        /** Types a window call over one input's own attributes. */
        WindowPlan window(Source.WindowCall call, Scope own);

        /** Analyzes the pattern of a pattern input ({@code PATTERN (...) AS p JOIN ...}). */
        default PatternInput pattern(Source.PatternSource source) {
            throw new CompileProblem(source.pos(), "a pattern cannot be joined here", "PATTERN", null);
        }
    }

    /** @param aggregation the aggregation read, or null for a stream or table */
    record Resolved(StreamSchema schema, boolean table, AggregationDef aggregation) {
        Resolved(StreamSchema schema, boolean table) {
            this(schema, table, null);
        }
    }

    private final ExpressionAnalyzer expressions;
    private final Errors errors;

    JoinAnalyzer(ExpressionAnalyzer expressions, Errors errors) {
        this.expressions = expressions;
        this.errors = errors;
    }

    Result analyze(Source.Join join, Expr where, Inputs resolver) {
        List<Source> sources = new ArrayList<>();
        List<Source.Join> steps = new ArrayList<>();
        flatten(join, sources, steps);
        List<JoinInput.Input> inputs = new ArrayList<>();
        List<AggregationDef> aggregations = new ArrayList<>();
        List<Scope.Input> scopeInputs = new ArrayList<>();
        int unidirectional = 0;
        boolean failed = false;
        for (int k = 0; k < sources.size(); k++) {
            if (sources.get(k) instanceof Source.PatternSide p) {
                JoinInput.Input in = errors.attempt(() -> PatternSides.input(p, resolver.pattern(p.pattern())));
                if (in == null) {
                    failed = true;
                    continue;
                }
                if (p.window() != null) {
                    JoinInput.Input side = in;
                    Scope own = new Scope(List.of(new Scope.Input(0, side.schema().name(), side.alias(), side.schema())));
                    WindowPlan w = errors.attempt(() -> resolver.window(p.window(), own));
                    in = new JoinInput.Input(side.kind(), side.schema(), side.alias(), w, side.unidirectional(),
                            side.pattern());
                }
                unidirectional += p.unidirectional() ? 1 : 0;
                inputs.add(in);
                scopeInputs.add(new Scope.Input(k, in.schema().name(), in.alias(), in.schema()));
                continue;
            }
            Source.StreamSource s = (Source.StreamSource) sources.get(k);
            Resolved r = errors.attempt(() -> resolver.resolve(s));
            if (r == null) {
                failed = true;
                continue;
            }
            String alias = s.alias() == null ? null : s.alias().text();
            WindowPlan window = null;
            if (s.window() != null) {
                if (r.table()) {
                    errors.add(new CompileProblem(s.window().pos(), "table '" + r.schema().name()
                            + "' cannot have a window", s.window().type(), "a table holds all its rows"));
                } else {
                    Scope own = new Scope(List.of(new Scope.Input(0, r.schema().name(), alias, r.schema())));
                    window = errors.attempt(() -> resolver.window(s.window(), own));
                }
            }
            if (s.unidirectional()) {
                unidirectional++;
                if (r.table()) {
                    errors.add(new CompileProblem(s.pos(), "UNIDIRECTIONAL cannot be put on table '"
                            + r.schema().name() + "': a table never triggers a join", "UNIDIRECTIONAL", null));
                } else if (unidirectional == 2) {
                    errors.add(new CompileProblem(s.pos(), "only one input of a join can be UNIDIRECTIONAL",
                            "UNIDIRECTIONAL", null));
                }
            }
            Source.Join step = k > 0 ? steps.get(k - 1) : null;
            if (r.aggregation() != null) {
                AggregationReads.checkSide(s, step, k == sources.size() - 1, r.schema().name(), errors);
            } else if (step != null && step.within() != null) {
                errors.add(new CompileProblem(step.within().pos(), "WITHIN ... PER reads an aggregation, and '"
                        + r.schema().name() + "' is not one", "WITHIN", null));
            }
            JoinInput.Kind kind = r.aggregation() != null ? JoinInput.Kind.AGGREGATION
                    : r.table() ? JoinInput.Kind.TABLE : JoinInput.Kind.STREAM;
            inputs.add(new JoinInput.Input(kind, r.schema(), alias, window, s.unidirectional()));
            while (aggregations.size() < inputs.size() - 1) {
                aggregations.add(null);
            }
            aggregations.add(r.aggregation());
            scopeInputs.add(new Scope.Input(k, r.schema().name(), alias, r.schema()));
        }
        if (failed) {
            return null;
        }
        if (inputs.stream().allMatch(in -> in.kind() == JoinInput.Kind.TABLE
                || in.kind() == JoinInput.Kind.AGGREGATION)) {
            throw new CompileProblem(join.pos(), "a join needs at least one stream: tables alone never trigger it",
                    "JOIN", null);
        }
        Scope scope = new Scope(scopeInputs);
        List<JoinInput.Join> joins = new ArrayList<>();
        for (int k = 1; k < inputs.size(); k++) {
            Source.Join step = steps.get(k - 1);
            Scope visible = new Scope(scopeInputs.subList(0, k + 1));
            TypedExpr on = step.on() == null ? null : errors.attempt(() -> condition(step.on(), visible, "ON"));
            AggregationDef aggregation = aggregations.get(k);
            Scope before = new Scope(scopeInputs.subList(0, k));
            AggregationWithin within = aggregation == null ? null
                    : errors.attempt(() -> AggregationReads.within(step.within(), aggregation, before, expressions));
            joins.add(new JoinInput.Join(type(step.type()), on, within));
        }
        TypedExpr filter = where == null ? null : errors.attempt(() -> condition(where, scope, "WHERE"));
        return new Result(new JoinInput(inputs, joins, filter), scope);
    }

    private TypedExpr condition(Expr e, Scope scope, String clause) {
        TypedExpr t = expressions.analyze(e, ExprContext.noAggregates(scope, clause));
        TypeRules.requireBool(t, clause, e.pos());
        return t;
    }

    private static void flatten(Source s, List<Source> sources, List<Source.Join> steps) {
        if (s instanceof Source.Join j) {
            flatten(j.left(), sources, steps);
            steps.add(j);
            sources.add(j.right());
        } else if (s instanceof Source.StreamSource || s instanceof Source.PatternSide) {
            sources.add(s);
        } else {
            throw new CompileProblem(s.pos(), "a pattern or sequence cannot be joined yet", "PATTERN", null);
        }
    }

    private static JoinInput.Type type(Source.JoinType t) {
        return switch (t) {
            case INNER -> JoinInput.Type.INNER;
            case LEFT_OUTER -> JoinInput.Type.LEFT_OUTER;
            case RIGHT_OUTER -> JoinInput.Type.RIGHT_OUTER;
            case FULL_OUTER -> JoinInput.Type.FULL_OUTER;
        };
    }
}
