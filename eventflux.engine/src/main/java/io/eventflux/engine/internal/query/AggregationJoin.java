package io.eventflux.engine.internal.query;

import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.aggregation.AggregationOptions;
import io.eventflux.engine.internal.aggregation.AggregationRuntime;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.internal.join.JoinMatcher;
import io.eventflux.engine.internal.join.JoinSource;
import io.eventflux.sql.plan.AggregationWithin;
import java.util.List;

/**
 * An aggregation as the last input of a join (SQL.md 6): for each left row, the bounds and granularity of
 * {@code WITHIN from, to PER g} are evaluated over it and the aggregation's rows of those buckets are the
 * candidates the ON condition filters. A bad bound or granularity gives no rows and a warning.
 */
final class AggregationJoin {
    private static final System.Logger LOG = System.getLogger(AggregationJoin.class.getName());

    /** What the aggregation offers when nothing is looked up: nothing (it never triggers, nor is scanned). */
    static final JoinSource NOTHING = new JoinSource() {
        @Override
        public Iterable<Object[]> all() {
            return List.of();
        }

        @Override
        public boolean indexed() {
            return false;
        }

        @Override
        public Iterable<Object[]> lookup(Object key) {
            return List.of();
        }
    };

    private AggregationJoin() {
    }

    static JoinMatcher.Lookup lookup(String query, AggregationRuntime aggregation, AggregationWithin within,
            int[] offsets, Clock clock) {
        EvalContext own = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(clock, own, offsets);
        Expr from = compiler.compile(within.from());
        Expr to = compiler.compile(within.to());
        Expr per = compiler.compile(within.per());
        return (left, ts) -> {
            own.bind(left, ts);
            try {
                Object g = per.eval(own);
                return aggregation.rows(g == null ? null : g.toString(),
                        AggregationOptions.bound(from.eval(own), aggregation.zone()),
                        AggregationOptions.bound(to.eval(own), aggregation.zone()));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "query " + query + ": " + e.getMessage() + "; no rows joined");
                return List.of();
            }
        };
    }
}
