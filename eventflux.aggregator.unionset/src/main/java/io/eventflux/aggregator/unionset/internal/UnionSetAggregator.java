package io.eventflux.aggregator.unionset.internal;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The union of the elements present, with removal: a multiset (element to number of copies, in order
 * of first arrival) so an element leaves the set with its last copy. A repeated element costs no
 * allocation (its counter is a mutable {@code long[1]}).
 *
 * <p>{@link #value()} is an unmodifiable copy, so a row that carries it never sees later changes; the
 * copy is made again only after the membership changed, not on every row.
 *
 * <p>Snapshot: a {@code LinkedHashMap<Object, Long>} of multiplicities (the elements must be serializable).
 */
final class UnionSetAggregator implements Aggregator {
    private final boolean unpacksCollections;
    private final LinkedHashMap<Object, long[]> counts = new LinkedHashMap<>();
    /** The last value handed out; null after a membership change. */
    private Set<Object> view;

    UnionSetAggregator(boolean unpacksCollections) {
        this.unpacksCollections = unpacksCollections;
    }

    @Override
    public void add(Object value) {
        if (unpacksCollections && value instanceof Collection<?> elements) {
            for (Object element : elements) {
                addOne(element);
            }
        } else {
            addOne(value);
        }
    }

    private void addOne(Object element) {
        if (element == null) {
            return;
        }
        long[] count = counts.get(element);
        if (count == null) {
            counts.put(element, new long[] {1});
            view = null;
        } else {
            count[0]++;
        }
    }

    @Override
    public void remove(Object value) {
        if (unpacksCollections && value instanceof Collection<?> elements) {
            for (Object element : elements) {
                removeOne(element);
            }
        } else {
            removeOne(value);
        }
    }

    private void removeOne(Object element) {
        if (element == null) {
            return;
        }
        long[] count = counts.get(element);
        if (count != null && --count[0] == 0) {
            counts.remove(element);
            view = null;
        }
    }

    @Override
    public void reset() {
        counts.clear();
        view = null;
    }

    @Override
    public Object value() {
        if (view == null) {
            view = counts.isEmpty() ? Collections.emptySet()
                    : Collections.unmodifiableSet(new LinkedHashSet<>(counts.keySet()));
        }
        return view;
    }

    @Override
    public Serializable snapshot() {
        LinkedHashMap<Object, Long> copy = new LinkedHashMap<>();
        counts.forEach((element, count) -> copy.put(element, count[0]));
        return copy;
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Map<?, ?> map) || !map.values().stream().allMatch(c -> c instanceof Long n && n > 0)) {
            throw new IllegalArgumentException("not a unionSet snapshot: " + state);
        }
        counts.clear();
        map.forEach((element, count) -> counts.put(element, new long[] {(Long) count}));
        view = null;
    }
}
