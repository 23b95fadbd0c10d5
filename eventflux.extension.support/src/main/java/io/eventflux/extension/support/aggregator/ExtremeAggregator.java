package io.eventflux.extension.support.aggregator;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The smallest or the largest value, with removal: a sorted multiset (value to number of copies) in
 * natural order. Values of one argument all have the argument type's Java class, so they compare with
 * each other. A repeated value costs no allocation (its counter is a mutable {@code long[1]}). NULL
 * values are skipped; the value is NULL while nothing is present.
 *
 * <p>Snapshot: a {@code TreeMap<Object, Long>} in natural order.
 */
public final class ExtremeAggregator implements Aggregator {
    private final String name;
    private final boolean largest;
    private final TreeMap<Object, long[]> counts = new TreeMap<>();

    private ExtremeAggregator(String name, boolean largest) {
        this.name = name;
        this.largest = largest;
    }

    /** The smallest value present; {@code name} is the aggregator's name for error messages. */
    public static ExtremeAggregator smallest(String name) {
        return new ExtremeAggregator(name, false);
    }

    /** The largest value present; {@code name} is the aggregator's name for error messages. */
    public static ExtremeAggregator largest(String name) {
        return new ExtremeAggregator(name, true);
    }

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
        if (counts.isEmpty()) {
            return null;
        }
        return largest ? counts.lastKey() : counts.firstKey();
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
            throw new IllegalArgumentException("not a " + name + " snapshot: " + state);
        }
        counts.clear();
        map.forEach((value, count) -> counts.put(value, new long[] {(Long) count}));
    }
}
