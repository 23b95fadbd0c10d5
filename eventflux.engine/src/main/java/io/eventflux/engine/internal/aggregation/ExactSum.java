package io.eventflux.engine.internal.aggregation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The exact sum of doubles as a few non-overlapping doubles (Shewchuk's expansion, as Python's
 * {@code math.fsum}): adding is a handful of float operations, and {@link #exact()} is the true sum, so a
 * sum read after any order of the same additions is the same double. A square is added exactly as its
 * two-product ({@link Math#fma}).
 */
final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private double[] partials = new double[2];
    private int size;

    ExactSum() {
    }

    /**
     * The expansion of a stored value: exact for a sum of doubles (a binary fraction); a value stored rounded
     * to decimal digits is approximated by at most 40 doubles.
     */
    static ExactSum of(BigDecimal value) {
        ExactSum s = new ExactSum();
        BigDecimal rest = value;
        for (int i = 0; i < 40 && rest.signum() != 0; i++) {
            double d = rest.doubleValue();
            s.add(d);
            rest = rest.subtract(new BigDecimal(d));
        }
        return s;
    }

    void add(double x) {
        if (!Double.isFinite(x)) {
            return;
        }
        int i = 0;
        for (int j = 0; j < size; j++) {
            double y = partials[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                partials[i++] = lo;
            }
            x = hi;
        }
        if (i == partials.length) {
            partials = Arrays.copyOf(partials, i * 2);
        }
        partials[i++] = x;
        size = i;
    }

    /** Adds {@code x * x} exactly. */
    void addSquare(double x) {
        double p = x * x;
        add(p);
        add(Math.fma(x, x, -p));
    }

    BigDecimal exact() {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < size; i++) {
            sum = sum.add(new BigDecimal(partials[i]));
        }
        return sum;
    }

    ExactSum copy() {
        ExactSum c = new ExactSum();
        c.partials = Arrays.copyOf(partials, Math.max(2, size));
        c.size = size;
        return c;
    }
}
