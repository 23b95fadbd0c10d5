package io.eventflux.extension.support.aggregator;

import java.util.HashMap;
import java.util.Map;

/**
 * Multiplicities of the values seen, for an aggregate over DISTINCT values that must also support
 * removal: a value counts once while at least one copy of it is in the window. Counters are mutable
 * {@code long[1]} cells, so a repeated value costs no allocation.
 */
public final class DistinctValues {
    private final HashMap<Object, long[]> counts = new HashMap<>();

    /** Adds one copy; true when the value was not present before (it now enters the aggregate). */
    public boolean add(Object value) {
        long[] count = counts.get(value);
        if (count == null) {
            counts.put(value, new long[] {1});
            return true;
        }
        count[0]++;
        return false;
    }

    /** Removes one copy; true when it was the last one (the value now leaves the aggregate). */
    public boolean remove(Object value) {
        long[] count = counts.get(value);
        if (count == null) {
            return false;
        }
        if (--count[0] == 0) {
            counts.remove(value);
            return true;
        }
        return false;
    }

    /** The number of distinct values present. */
    public int size() {
        return counts.size();
    }

    public void clear() {
        counts.clear();
    }

    /** A detached copy made of JDK types only. */
    public HashMap<Object, Long> snapshot() {
        HashMap<Object, Long> copy = new HashMap<>();
        counts.forEach((value, count) -> copy.put(value, count[0]));
        return copy;
    }

    public void restore(Map<?, ?> state) {
        counts.clear();
        state.forEach((value, count) -> counts.put(value, new long[] {((Long) count)}));
    }
}
