package io.eventflux.aggregator.distinctcount.internal;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The number of distinct values, with removal: a multiset (value to number of copies); a value counts
 * while at least one copy of it is in the window. A repeated value costs no allocation (its counter is
 * a mutable {@code long[1]}).
 *
 * <p>Snapshot: a {@code HashMap<Object, Long>} of multiplicities (the values must be serializable).
 */
final class DistinctCountAggregator implements Aggregator {
    private final HashMap<Object, long[]> counts = new HashMap<>();

    @Override
    public void add(Object value) {
        if (value == null) {
            return;
        }
        long[] count = counts.get(value);
        if (count == null) {
            counts.put(value, new long[] {1});
        } else {
            count[0]++;
        }
    }

    @Override
    public void remove(Object value) {
        if (value == null) {
            return;
        }
        long[] count = counts.get(value);
        if (count != null && --count[0] == 0) {
            counts.remove(value);
        }
    }

    @Override
    public void reset() {
        counts.clear();
    }

    @Override
    public Object value() {
        return (long) counts.size();
    }

    @Override
    public Serializable snapshot() {
        HashMap<Object, Long> copy = new HashMap<>();
        counts.forEach((value, count) -> copy.put(value, count[0]));
        return copy;
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Map<?, ?> map) || !map.values().stream().allMatch(c -> c instanceof Long n && n > 0)) {
            throw new IllegalArgumentException("not a distinctCount snapshot: " + state);
        }
        counts.clear();
        map.forEach((value, count) -> counts.put(value, new long[] {(Long) count}));
    }
}
