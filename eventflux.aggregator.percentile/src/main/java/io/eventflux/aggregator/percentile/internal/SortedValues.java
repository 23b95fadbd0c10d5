package io.eventflux.aggregator.percentile.internal;

import java.util.Arrays;

/**
 * A multiset of doubles kept sorted in one primitive array: no boxing, no node per value, and the
 * k-th smallest value is an array read. Adding or removing finds the place by binary search and shifts
 * the tail ({@code System.arraycopy}), O(n) but a cheap memory move for the window sizes of a stream
 * query (about 10^5 values move in microseconds). The order is {@link Double#compare}'s: -0.0 before
 * 0.0, NaN last.
 */
final class SortedValues {
    private static final int INITIAL_CAPACITY = 16;
    /** A reset after a large batch gives memory back beyond this capacity. */
    private static final int RETAINED_CAPACITY = 4096;

    private double[] values = new double[INITIAL_CAPACITY];
    private int size;

    void add(double x) {
        int found = Arrays.binarySearch(values, 0, size, x);
        int at = found >= 0 ? found : -found - 1;
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(values, at, values, at + 1, size - at);
        values[at] = x;
        size++;
    }

    /** Removes one copy of {@code x}; a value that is not present is ignored. */
    void remove(double x) {
        int at = Arrays.binarySearch(values, 0, size, x);
        if (at >= 0) {
            System.arraycopy(values, at + 1, values, at, size - at - 1);
            size--;
        }
    }

    void clear() {
        size = 0;
        if (values.length > RETAINED_CAPACITY) {
            values = new double[INITIAL_CAPACITY];
        }
    }

    int size() {
        return size;
    }

    /** The k-th smallest value, k from 1 to {@link #size()}. */
    double nth(int k) {
        return values[k - 1];
    }

    /** A sorted copy of exactly the values. */
    double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** Puts back a {@link #toArray()} result (copied; sorted again in case it was not). */
    void restore(double[] sorted) {
        values = Arrays.copyOf(sorted, Math.max(INITIAL_CAPACITY, sorted.length));
        size = sorted.length;
        Arrays.sort(values, 0, size);
    }
}
