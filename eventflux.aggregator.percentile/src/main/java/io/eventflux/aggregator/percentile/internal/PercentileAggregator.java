package io.eventflux.aggregator.percentile.internal;

import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.extension.support.aggregator.DistinctValues;
import java.io.Serializable;
import java.util.Map;

/**
 * The p-th percentile of the non-NULL values, exact, by the nearest-rank method: the smallest value
 * that at least p percent of the values are less than or equal to, i.e. the value of rank
 * {@code ceil(p * n / 100)} in ascending order (p in (0, 100], so the rank is 1..n). It is always one
 * of the values, never interpolated: {@code percentile(x, 50)} of 1, 2, 3, 4 is 2, and
 * {@code percentile(x, 100)} is the maximum. Values are compared as doubles (LONG beyond 2^53 rounds).
 * NULL when empty.
 *
 * <p>Snapshot: {@code Object[]{double[] sorted values, HashMap<Object, Long> multiplicities or null}}.
 */
final class PercentileAggregator implements Aggregator {
    private final double percentile;
    private final SortedValues values = new SortedValues();
    /** Null unless DISTINCT. */
    private final DistinctValues distinct;

    PercentileAggregator(double percentile, DistinctValues distinct) {
        this.percentile = percentile;
        this.distinct = distinct;
    }

    @Override
    public void add(Object value) {
        if (value == null || (distinct != null && !distinct.add(value))) {
            return;
        }
        values.add(((Number) value).doubleValue());
    }

    @Override
    public void remove(Object value) {
        if (value == null || (distinct != null && !distinct.remove(value))) {
            return;
        }
        values.remove(((Number) value).doubleValue());
    }

    @Override
    public void reset() {
        values.clear();
        if (distinct != null) {
            distinct.clear();
        }
    }

    @Override
    public Object value() {
        int n = values.size();
        if (n == 0) {
            return null;
        }
        // p * n first: exact for integral p, so e.g. p = 20, n = 10 gives rank 2, not 3
        long rank = (long) Math.ceil(percentile * n / 100.0);
        return values.nth((int) Math.min(n, Math.max(1, rank)));
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {values.toArray(), distinct == null ? null : distinct.snapshot()};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 2 || !(parts[0] instanceof double[] sorted)
                || (distinct != null) != (parts[1] instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a percentile snapshot of this definition: " + state);
        }
        values.restore(sorted);
        if (distinct != null) {
            distinct.restore((Map<?, ?>) parts[1]);
        }
    }
}
