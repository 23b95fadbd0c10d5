package io.eventflux.aggregator.avg.internal;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;
import java.util.Map;

/**
 * A running mean: a sum in a primitive accumulator (long for integral input, so removal is exact;
 * double otherwise) and the number of values averaged. At zero values the mean is NULL and the
 * accumulators restart from exactly 0, so floating-point residue of removals does not linger.
 *
 * <p>Snapshot: {@code Object[]{Long count, Long longSum, Double doubleSum, HashMap<Object, Long>
 * multiplicities or null}}.
 */
final class AvgAggregator implements Aggregator {
    private final boolean integral;
    /** Null unless DISTINCT. */
    private final DistinctValues distinct;
    private long count;
    private long longSum;
    private double doubleSum;

    AvgAggregator(boolean integral, DistinctValues distinct) {
        this.integral = integral;
        this.distinct = distinct;
    }

    @Override
    public void add(Object value) {
        if (value == null || (distinct != null && !distinct.add(value))) {
            return;
        }
        count++;
        if (integral) {
            longSum += ((Number) value).longValue();
        } else {
            doubleSum += ((Number) value).doubleValue();
        }
    }

    @Override
    public void remove(Object value) {
        if (value == null || count == 0 || (distinct != null && !distinct.remove(value))) {
            return;
        }
        if (--count == 0) {
            longSum = 0;
            doubleSum = 0;
        } else if (integral) {
            longSum -= ((Number) value).longValue();
        } else {
            doubleSum -= ((Number) value).doubleValue();
        }
    }

    @Override
    public void reset() {
        count = 0;
        longSum = 0;
        doubleSum = 0;
        if (distinct != null) {
            distinct.clear();
        }
    }

    @Override
    public Object value() {
        if (count == 0) {
            return null;
        }
        return (integral ? (double) longSum : doubleSum) / count;
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {count, longSum, doubleSum, distinct == null ? null : distinct.snapshot()};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 4 || !(parts[0] instanceof Long c)
                || !(parts[1] instanceof Long l) || !(parts[2] instanceof Double d)
                || (distinct != null) != (parts[3] instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not an avg snapshot of this definition: " + state);
        }
        count = c;
        longSum = l;
        doubleSum = d;
        if (distinct != null) {
            distinct.restore((Map<?, ?>) parts[3]);
        }
    }
}
