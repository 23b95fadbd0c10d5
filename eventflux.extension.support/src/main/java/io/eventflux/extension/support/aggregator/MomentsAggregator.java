package io.eventflux.extension.support.aggregator;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;
import java.util.Map;

/**
 * The population variance or standard deviation of the non-NULL values, with removal (see
 * {@link RunningMoments} for the numerics): 0.0 for a single value, NULL when empty. For
 * {@code DISTINCT}, each distinct value counts once while at least one copy of it is present.
 *
 * <p>Snapshot: {@code Object[]{Object[] moments, HashMap<Object, Long> multiplicities or null}}.
 */
public final class MomentsAggregator implements Aggregator {
    private final String name;
    private final boolean standardDeviation;
    private final RunningMoments moments = new RunningMoments();
    /** Null unless DISTINCT. */
    private final DistinctValues distinct;

    private MomentsAggregator(String name, boolean standardDeviation, boolean distinct) {
        this.name = name;
        this.standardDeviation = standardDeviation;
        this.distinct = distinct ? new DistinctValues() : null;
    }

    /** The population variance; {@code name} is the aggregator's name for error messages. */
    public static MomentsAggregator variance(String name, boolean distinct) {
        return new MomentsAggregator(name, false, distinct);
    }

    /** The population standard deviation; {@code name} is the aggregator's name for error messages. */
    public static MomentsAggregator standardDeviation(String name, boolean distinct) {
        return new MomentsAggregator(name, true, distinct);
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
        if (moments.isEmpty()) {
            return null;
        }
        double variance = moments.populationVariance();
        return standardDeviation ? Math.sqrt(variance) : variance;
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {moments.snapshot(), distinct == null ? null : distinct.snapshot()};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 2 || !(parts[0] instanceof Object[] m)
                || !RunningMoments.isSnapshot(m) || (distinct != null) != (parts[1] instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a " + name + " snapshot of this definition: " + state);
        }
        moments.restore(m);
        if (distinct != null) {
            distinct.restore((Map<?, ?>) parts[1]);
        }
    }
}
