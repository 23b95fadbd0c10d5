package io.eventflux.aggregator.distinctcount.internal;

import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.extension.support.aggregator.DistinctValues;
import java.io.Serializable;
import java.util.Map;

/**
 * The number of distinct values, with removal: a multiset (value to number of copies, see
 * {@link DistinctValues}); a value counts while at least one copy of it is in the window.
 *
 * <p>Snapshot: a {@code HashMap<Object, Long>} of multiplicities (the values must be serializable).
 */
final class DistinctCountAggregator implements Aggregator {
    private final DistinctValues counts = new DistinctValues();

    @Override
    public void add(Object value) {
        if (value != null) {
            counts.add(value);
        }
    }

    @Override
    public void remove(Object value) {
        if (value != null) {
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
        return counts.snapshot();
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Map<?, ?> map) || !map.values().stream().allMatch(c -> c instanceof Long n && n > 0)) {
            throw new IllegalArgumentException("not a distinctCount snapshot: " + state);
        }
        counts.restore(map);
    }
}
