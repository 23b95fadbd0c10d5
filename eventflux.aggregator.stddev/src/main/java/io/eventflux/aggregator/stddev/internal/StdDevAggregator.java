package io.eventflux.aggregator.stddev.internal;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;
import java.util.Map;

/**
 * The population standard deviation of the non-NULL values, with removal (see {@link RunningMoments}
 * for the numerics): 0.0 for a single value, NULL when empty.
 *
 * <p>Snapshot: {@code Object[]{Object[] moments, HashMap<Object, Long> multiplicities or null}}.
 */
final class StdDevAggregator implements Aggregator {
    private final RunningMoments moments = new RunningMoments();
    /** Null unless DISTINCT. */
    private final DistinctValues distinct;

    StdDevAggregator(DistinctValues distinct) {
        this.distinct = distinct;
    }

    @Override
    public void add(Object value) {
        if (value == null || (distinct != null && !distinct.add(value))) {
            return;
        }
        moments.add(((Number) value).doubleValue());
    }

    @Override
    public void remove(Object value) {
        if (value == null || (distinct != null && !distinct.remove(value))) {
            return;
        }
        moments.remove(((Number) value).doubleValue());
    }

    @Override
    public void reset() {
        moments.clear();
        if (distinct != null) {
            distinct.clear();
        }
    }

    @Override
    public Object value() {
        return moments.isEmpty() ? null : (Object) Math.sqrt(moments.populationVariance());
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {moments.snapshot(), distinct == null ? null : distinct.snapshot()};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 2 || !(parts[0] instanceof Object[] m)
                || !RunningMoments.isSnapshot(m) || (distinct != null) != (parts[1] instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a stdDev snapshot of this definition: " + state);
        }
        moments.restore(m);
        if (distinct != null) {
            distinct.restore((Map<?, ?>) parts[1]);
        }
    }
}
