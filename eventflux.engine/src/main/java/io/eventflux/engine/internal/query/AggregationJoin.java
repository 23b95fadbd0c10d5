package io.eventflux.engine.internal.query;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.aggregation.AggregationOptions;
import io.eventflux.engine.internal.aggregation.AggregationRuntime;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.internal.join.EquiKey;
import io.eventflux.engine.internal.join.JoinMatcher;
import io.eventflux.engine.internal.join.JoinSource;
import io.eventflux.sql.plan.AggregationWithin;
import io.eventflux.sql.plan.TypedExpr;
import java.util.List;

/**
 * An aggregation as the last input of a join (SQL.md 6): for each left row, the bounds and granularity of
 * {@code WITHIN from, to PER g} are evaluated over it and the aggregation's rows of those buckets are the
 * candidates the ON condition filters. A bad bound or granularity gives no rows and a warning.
 */
final class AggregationJoin {
    private static final System.Logger LOG = System.getLogger(AggregationJoin.class.getName());
    /** Types whose SQL equality is {@link Object#equals} on same-typed values (not DOUBLE: -0.0, NaN). */
    private static final java.util.Set<AttributeType> EXACT = java.util.EnumSet.of(AttributeType.STRING,
            AttributeType.INT, AttributeType.LONG, AttributeType.BOOL);

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

    /** The GROUP BY position {@code key} looks up, or -1 when it cannot serve as a look-up. */
    private static int position(AggregationRuntime aggregation, EquiKey key) {
        if (key == null || !(key.right() instanceof TypedExpr.AttributeRef a) || key.left().type() != a.type()
                || !EXACT.contains(a.type())) {
            return -1;
        }
        return aggregation.keyPosition(a.index());
    }

    /**
     * @param key an equality conjunct of ON ({@code left.x = a.k}), or null: when {@code a.k} is a GROUP BY
     *     attribute and both sides have the same type whose equality is {@link Object#equals} (STRING, INT,
     *     LONG, BOOL), only the buckets' rows of the left row's key are built (ON still decides)
     */
    static JoinMatcher.Lookup lookup(String query, AggregationRuntime aggregation, AggregationWithin within,
            int[] offsets, Clock clock, EquiKey key) {
        EvalContext own = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(clock, own, offsets);
        Expr from = compiler.compile(within.from());
        Expr to = compiler.compile(within.to());
        Expr per = compiler.compile(within.per());
        int position = position(aggregation, key);
        Expr probe = position < 0 ? null : compiler.compile(key.left());
        return (left, ts) -> {
            own.bind(left, ts);
            try {
                Object g = per.eval(own);
                String granularity = g == null ? null : g.toString();
                long start = AggregationOptions.bound(from.eval(own), aggregation.zone());
                long end = AggregationOptions.bound(to.eval(own), aggregation.zone());
                Object value = probe == null ? null : probe.eval(own);
                if (value != null) {
                    return aggregation.rows(granularity, start, end, position, value);
                }
                return aggregation.rows(granularity, start, end);
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "query " + query + ": " + e.getMessage() + "; no rows joined");
                return List.of();
            }
        };
    }
}
