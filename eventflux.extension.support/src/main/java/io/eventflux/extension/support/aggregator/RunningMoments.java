package io.eventflux.extension.support.aggregator;

import java.io.Serializable;

/**
 * Count, mean and M2 (the sum of squared deviations from the mean) of a multiset of doubles, kept in
 * primitives by Welford's update; removal applies the exact algebraic inverse of that update, so it
 * neither keeps the values nor suffers the cancellation of the naive sum-of-squares formula.
 * The values are shifted by the running mean ({@code shift}, moved onto the mean after every update):
 * values near each other but far from 0 (prices, epoch times) then subtract exactly and the moments are
 * computed on small numbers, which keeps the rounding of the mean from accumulating into M2 over long
 * sliding windows, also when the series drifts.
 * Rounding residue of removals is bounded: M2 is clamped at 0, forced to exactly 0 when one value
 * is left or when a removal leaves no more than the rounding error of its subtraction (a few ulps of the
 * M2 before it), and everything restarts from exactly 0 (with a new shift) when the last value leaves.
 *
 * <p>NaN and infinities are counted apart and kept out of the moments (one of them would poison the
 * mean for good): while any is present the variance is NaN, and removing it recovers the moments of
 * the finite values.
 *
 * <p>Snapshot part: {@code Object[]{Long count, Double shift, Double mean, Double m2, Long nonFinite}}; doubles are
 * copied bit for bit, so a restored instance continues identically.
 */
public final class RunningMoments {
    /** An M2 left by a removal at or below this many ulps of the M2 before it is rounding residue. */
    private static final double CANCELLATION_ULPS = 64;

    private long count;
    private double shift;
    private double mean;
    private double m2;
    private long nonFinite;

    public void add(double x) {
        if (!Double.isFinite(x)) {
            nonFinite++;
            return;
        }
        if (count == 0) {
            shift = x;
        }
        double y = x - shift;
        count++;
        double delta = y - mean;
        mean += delta / count;
        m2 += delta * (y - mean);
        recenter();
    }

    public void remove(double x) {
        if (!Double.isFinite(x)) {
            if (nonFinite > 0) {
                nonFinite--;
            }
            return;
        }
        if (count <= 1) {
            // the last value (or one that was never added) leaves: exactly empty again
            count = 0;
            shift = 0;
            mean = 0;
            m2 = 0;
            return;
        }
        double y = x - shift;
        double delta = y - mean;
        count--;
        mean -= delta / count;
        double before = m2;
        m2 -= delta * (y - mean);
        // What is left within the rounding error of the subtraction ({2, 4, 4} less 2 leaves 2.2e-16, a
        // standard deviation of 1.5e-8 for {4, 4}) is no spread the doubles can tell: it is 0.
        if (count == 1 || m2 <= CANCELLATION_ULPS * Math.ulp(before)) {
            m2 = 0;
        }
        recenter();
    }

    /** Moves the shift onto the mean, so a drifting series (epoch times) keeps working on small numbers. */
    private void recenter() {
        double newShift = shift + mean;
        mean -= newShift - shift;
        shift = newShift;
    }

    public void clear() {
        count = 0;
        shift = 0;
        mean = 0;
        m2 = 0;
        nonFinite = 0;
    }

    public boolean isEmpty() {
        return count == 0 && nonFinite == 0;
    }

    /** The population variance; NaN while a non-finite value is present; only for a non-empty multiset. */
    public double populationVariance() {
        return nonFinite > 0 ? Double.NaN : m2 / count;
    }

    public Object[] snapshot() {
        return new Object[] {count, shift, mean, m2, nonFinite};
    }

    /** Whether {@code state} is a {@link #snapshot()}. */
    public static boolean isSnapshot(Serializable state) {
        return state instanceof Object[] p && p.length == 5 && p[0] instanceof Long c && c >= 0
                && p[1] instanceof Double && p[2] instanceof Double && p[3] instanceof Double
                && p[4] instanceof Long n && n >= 0;
    }

    public void restore(Object[] state) {
        count = (Long) state[0];
        shift = (Double) state[1];
        mean = (Double) state[2];
        m2 = (Double) state[3];
        nonFinite = (Long) state[4];
    }
}
