package io.eventflux.engine.internal.aggregation;

import io.eventflux.api.AttributeType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Locale;

/**
 * The mergeable form of one aggregate call: a few slots of a bucket's state array, updated by each value.
 * Floating-point sums are kept exactly ({@link ExactSum}: the true sum of the doubles), so a bucket's value
 * does not depend on the order its events arrived in: a shuffled input gives exactly the sorted input's result.
 * avg is sum and count; stdDev and variance (population) are sum, sum of squares and count.
 */
enum Incremental {
    COUNT(1), SUM_LONG(2), SUM_DOUBLE(2), AVG(2), MIN(1), MAX(1), DISTINCT_COUNT(1), VARIANCE(3), STD_DEV(3);

    private final int width;

    Incremental(int width) {
        this.width = width;
    }

    int width() {
        return width;
    }

    /** The form of an aggregator by name and argument type. */
    static Incremental of(String name, AttributeType argument) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "count" -> COUNT;
            case "sum" -> argument == AttributeType.INT || argument == AttributeType.LONG ? SUM_LONG : SUM_DOUBLE;
            case "avg" -> AVG;
            case "min" -> MIN;
            case "max" -> MAX;
            case "distinctcount" -> DISTINCT_COUNT;
            case "variance" -> VARIANCE;
            case "stddev" -> STD_DEV;
            default -> throw new IllegalArgumentException("aggregator '" + name + "' is not incremental");
        };
    }

    /**
     * The value in the form {@link #add} takes, converted once for all granularities: an exact
     * {@link BigDecimal} for floating sums, with its square for stdDev and variance.
     */
    Object prepare(Object v) {
        if (v == null) {
            return null;
        }
        return switch (this) {
            case SUM_DOUBLE, AVG, VARIANCE, STD_DEV -> ((Number) v).doubleValue();
            default -> v;
        };
    }

    /**
     * Adds one value prepared by {@link #prepare} (count() without argument passes a non-null marker). NULL is skipped, except by count()
     * without argument.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void add(Object[] s, int o, Object v) {
        if (v == null) {
            return;
        }
        switch (this) {
            case COUNT -> s[o] = s[o] == null ? 1L : (Long) s[o] + 1;
            case SUM_LONG -> {
                s[o] = s[o] == null ? ((Number) v).longValue() : (Long) s[o] + ((Number) v).longValue();
                s[o + 1] = s[o + 1] == null ? 1L : (Long) s[o + 1] + 1;
            }
            case SUM_DOUBLE, AVG -> {
                sum(s, o).add((Double) v);
                s[o + 1] = s[o + 1] == null ? 1L : (Long) s[o + 1] + 1;
            }
            case MIN -> {
                if (s[o] == null || ((Comparable) v).compareTo(s[o]) < 0) {
                    s[o] = v;
                }
            }
            case MAX -> {
                if (s[o] == null || ((Comparable) v).compareTo(s[o]) > 0) {
                    s[o] = v;
                }
            }
            case DISTINCT_COUNT -> {
                HashMap<Object, Long> seen = s[o] == null ? new HashMap<>() : (HashMap<Object, Long>) s[o];
                seen.merge(v, 1L, Long::sum);
                s[o] = seen;
            }
            case VARIANCE, STD_DEV -> {
                double d = (Double) v;
                sum(s, o).add(d);
                sum(s, o + 1).addSquare(d);
                s[o + 2] = s[o + 2] == null ? 1L : (Long) s[o + 2] + 1;
            }
        }
    }

    /** The aggregate of the slots: count 0 and distinctCount 0 when empty, NULL for the others. */
    Object value(Object[] s, int o) {
        return switch (this) {
            case COUNT -> s[o] == null ? 0L : s[o];
            case SUM_LONG -> s[o];
            case SUM_DOUBLE -> s[o] == null ? null : exact(s[o]).doubleValue();
            case AVG -> s[o] == null ? null
                    : exact(s[o]).divide(BigDecimal.valueOf((Long) s[o + 1]), MathContext.DECIMAL128).doubleValue();
            case MIN, MAX -> s[o];
            case DISTINCT_COUNT -> s[o] == null ? 0L : (long) ((HashMap<?, ?>) s[o]).size();
            case VARIANCE, STD_DEV -> {
                if (s[o] == null) {
                    yield null;
                }
                BigDecimal n = BigDecimal.valueOf((Long) s[o + 2]);
                BigDecimal sum = exact(s[o]);
                BigDecimal m2 = exact(s[o + 1]).subtract(sum.multiply(sum).divide(n, MathContext.DECIMAL128));
                double variance = Math.max(0.0, m2.divide(n, MathContext.DECIMAL128).doubleValue());
                yield this == VARIANCE ? variance : Math.sqrt(variance);
            }
        };
    }

    /** A copy of the slots that shares nothing mutable with them (snapshots). */
    @SuppressWarnings("unchecked")
    void copy(Object[] from, Object[] to, int o) {
        System.arraycopy(from, o, to, o, width);
        if (this == DISTINCT_COUNT && from[o] != null) {
            to[o] = new HashMap<>((HashMap<Object, Long>) from[o]);
        }
        for (int i = o; i < o + width; i++) {
            if (to[i] instanceof ExactSum e) {
                to[i] = e.copy();
            }
        }
    }

    /** The exact sum in a slot (an {@link ExactSum}, or a {@link BigDecimal} read from a store). */
    private static BigDecimal exact(Object slot) {
        return slot instanceof ExactSum e ? e.exact() : (BigDecimal) slot;
    }

    /** The running sum of a slot, created or converted from a stored {@link BigDecimal}. */
    private static ExactSum sum(Object[] s, int o) {
        if (s[o] instanceof ExactSum e) {
            return e;
        }
        ExactSum e = s[o] == null ? new ExactSum() : ExactSum.of((BigDecimal) s[o]);
        s[o] = e;
        return e;
    }
}
