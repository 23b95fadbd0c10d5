package io.eventflux.aggregator.min.internal;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The smallest value, with removal: a sorted multiset (value to number of copies) in natural order.
 * Values of one argument all have the argument type's Java class, so they compare with each other.
 * A repeated value costs no allocation (its counter is a mutable {@code long[1]}).
 *
 * <p>Snapshot: a {@code TreeMap<Object, Long>} in natural order.
 */
final class MinAggregator implements Aggregator {
    private final TreeMap<Object, long[]> counts = new TreeMap<>();

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
        return counts.isEmpty() ? null : counts.firstKey();
    }

    @Override
    public Serializable snapshot() {
        TreeMap<Object, Long> copy = new TreeMap<>();
        counts.forEach((value, count) -> copy.put(value, count[0]));
        return copy;
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a min snapshot: " + state);
        }
        counts.clear();
        map.forEach((value, count) -> counts.put(value, new long[] {(Long) count}));
    }
}
