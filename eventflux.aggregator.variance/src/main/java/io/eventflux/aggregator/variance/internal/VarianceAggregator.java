package io.eventflux.aggregator.variance.internal;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;
import java.util.Map;

/**
 * The population variance of the non-NULL values, with removal (see {@link RunningMoments} for the
 * numerics): 0.0 for a single value, NULL when empty.
 *
 * <p>Snapshot: {@code Object[]{Object[] moments, HashMap<Object, Long> multiplicities or null}}.
 */
final class VarianceAggregator implements Aggregator {
    private final RunningMoments moments = new RunningMoments();
    /** Null unless DISTINCT. */
    private final DistinctValues distinct;

    VarianceAggregator(DistinctValues distinct) {
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
        return moments.isEmpty() ? null : (Object) moments.populationVariance();
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {moments.snapshot(), distinct == null ? null : distinct.snapshot()};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 2 || !(parts[0] instanceof Object[] m)
                || !RunningMoments.isSnapshot(m) || (distinct != null) != (parts[1] instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a variance snapshot of this definition: " + state);
        }
        moments.restore(m);
        if (distinct != null) {
            distinct.restore((Map<?, ?>) parts[1]);
        }
    }
}
