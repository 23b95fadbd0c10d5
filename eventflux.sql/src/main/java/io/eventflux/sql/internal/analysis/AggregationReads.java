package io.eventflux.sql.internal.analysis;

import io.eventflux.api.AttributeType;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.Source;
import io.eventflux.sql.plan.AggregationDef;
import io.eventflux.sql.plan.AggregationWithin;
import io.eventflux.sql.plan.TypedExpr;
import java.util.Locale;

/** Reading an aggregation (SQL.md 6): where it may stand in a join, and its {@code WITHIN from, to PER g}. */
final class AggregationReads {
    private AggregationReads() {
    }

    /** An aggregation joined as input k: only the last input, without window or UNIDIRECTIONAL, INNER or LEFT. */
    static void checkSide(Source.StreamSource s, Source.Join step, boolean last, String name, Errors errors) {
        if (step == null || !last) {
            errors.add(new CompileProblem(s.pos(), "aggregation '" + name + "' can only be the last input of a join",
                    name, "write FROM S JOIN " + name + " ON ... WITHIN from, to PER 'granularity'"));
            return;
        }
        if (s.window() != null) {
            errors.add(new CompileProblem(s.window().pos(), "aggregation '" + name + "' cannot have a window",
                    s.window().type(), "WITHIN ... PER picks its buckets"));
        }
        if (s.unidirectional()) {
            errors.add(new CompileProblem(s.pos(), "UNIDIRECTIONAL cannot be put on aggregation '" + name
                    + "': it never triggers a join", "UNIDIRECTIONAL", null));
        }
        if (step.type() == Source.JoinType.RIGHT_OUTER || step.type() == Source.JoinType.FULL_OUTER) {
            errors.add(new CompileProblem(step.pos(), "an aggregation is joined INNER or LEFT OUTER only", "JOIN",
                    null));
        }
        if (step.within() == null) {
            errors.add(new CompileProblem(s.pos(), "joining aggregation '" + name + "' needs WITHIN from, to PER "
                    + "'granularity'", name, "e.g. WITHIN '2026-01-01 00:00:00', '2026-02-01 00:00:00' PER 'days'"));
        }
    }

    /** Types the bounds (over {@code scope}) and checks a constant granularity against the aggregation's. */
    static AggregationWithin within(Source.AggregationWithin w, AggregationDef def, Scope scope,
            ExpressionAnalyzer expressions) {
        if (w == null) {
            return null;
        }
        if (w.to() == null) {
            throw new CompileProblem(w.pos(), "WITHIN needs a start and an end (the end excluded)", "WITHIN",
                    "e.g. WITHIN '2026-01-01 00:00:00', '2026-02-01 00:00:00' PER 'days'");
        }
        TypedExpr from = bound(w.from(), scope, expressions);
        TypedExpr to = bound(w.to(), scope, expressions);
        TypedExpr per = expressions.analyze(w.per(), ExprContext.noAggregates(scope, "PER"));
        if (per.type() != AttributeType.STRING) {
            throw new CompileProblem(w.per().pos(), "PER needs a granularity name such as 'hours', not " + per.type(),
                    "PER", "granularities of " + def.name() + ": " + def.granularities());
        }
        if (per instanceof TypedExpr.Literal l && l.value() != null) {
            String g = normalize(l.value().toString());
            if (!def.granularities().contains(g)) {
                throw new CompileProblem(w.per().pos(), "aggregation '" + def.name() + "' has no granularity '"
                        + l.value() + "'", l.value().toString(), "granularities: " + def.granularities());
            }
        }
        return new AggregationWithin(from, to, per);
    }

    private static TypedExpr bound(Expr e, Scope scope, ExpressionAnalyzer expressions) {
        TypedExpr t = expressions.analyze(e, ExprContext.noAggregates(scope, "WITHIN"));
        if (t.type() != AttributeType.LONG && t.type() != AttributeType.INT && t.type() != AttributeType.STRING) {
            throw new CompileProblem(e.pos(), "a WITHIN bound is epoch milliseconds (LONG) or a datetime string "
                    + "'yyyy-MM-dd HH:mm:ss', not " + t.type(), "WITHIN", null);
        }
        return t;
    }

    /** 'Hour', 'HOURS', 'hours' -> 'hours'. */
    static String normalize(String granularity) {
        String g = granularity.trim().toLowerCase(Locale.ROOT);
        return g.endsWith("s") ? g : g + "s";
    }
}
