package io.eventflux.extension.support.aggregator;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;
import java.util.Map;

/**
 * A running sum or mean of numbers, with removal: the sum in a primitive accumulator (long for
 * integral input, so removal is exact; double otherwise) and the number of values in it. At zero
 * values the sum and the mean are NULL and the accumulators restart from exactly 0, so
 * floating-point residue of removals does not linger. The sum is LONG for integral input and DOUBLE
 * otherwise; the mean is always DOUBLE. For {@code DISTINCT}, each distinct value counts once while at
 * least one copy of it is present.
 *
 * <p>Snapshot: {@code Object[]{Long count, Long longSum, Double doubleSum, HashMap<Object, Long>
 * multiplicities or null}}.
 */
public final class SumAggregator implements Aggregator {
    private final String snapshotName;
    private final boolean mean;
    private final boolean integral;
    /** Null unless DISTINCT. */
    private final DistinctValues distinct;
    private long count;
    private long longSum;
    private double doubleSum;

    private SumAggregator(String snapshotName, boolean mean, boolean integral, boolean distinct) {
        this.snapshotName = snapshotName;
        this.mean = mean;
        this.integral = integral;
        this.distinct = distinct ? new DistinctValues() : null;
    }

    /**
     * The sum.
     *
     * @param snapshotName what a bad snapshot's error message calls it ("a sum")
     * @param integral true for INT|LONG input
     */
    public static SumAggregator sum(String snapshotName, boolean integral, boolean distinct) {
        return new SumAggregator(snapshotName, false, integral, distinct);
    }

    /**
     * The mean.
     *
     * @param snapshotName what a bad snapshot's error message calls it ("an avg")
     * @param integral true for INT|LONG input
     */
    public static SumAggregator mean(String snapshotName, boolean integral, boolean distinct) {
        return new SumAggregator(snapshotName, true, integral, distinct);
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
        if (mean) {
            return (integral ? (double) longSum : doubleSum) / count;
        }
        return integral ? (Object) longSum : (Object) doubleSum;
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
            throw new IllegalArgumentException("not " + snapshotName + " snapshot of this definition: " + state);
        }
        count = c;
        longSum = l;
        doubleSum = d;
        if (distinct != null) {
            distinct.restore((Map<?, ?>) parts[3]);
        }
    }
}
