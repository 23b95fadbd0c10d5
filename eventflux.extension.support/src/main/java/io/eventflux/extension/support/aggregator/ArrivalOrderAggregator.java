package io.eventflux.extension.support.aggregator;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The oldest or the newest value still present, with removal: the non-NULL values in arrival order.
 * A removal takes out the oldest equal value, which is the one that expires in a FIFO window (length,
 * time), so the usual removal is O(1) at the head; windows that expire out of order (sort, unique) pay
 * a scan.
 *
 * <p>Snapshot: an {@code ArrayList<Object>} of the values, oldest first (they must be serializable).
 */
public final class ArrivalOrderAggregator implements Aggregator {
    private final String name;
    private final boolean newest;
    private final ArrayDeque<Object> values = new ArrayDeque<>();

    private ArrivalOrderAggregator(String name, boolean newest) {
        this.name = name;
        this.newest = newest;
    }

    /** The oldest value present; {@code name} is the aggregator's name for error messages. */
    public static ArrivalOrderAggregator oldest(String name) {
        return new ArrivalOrderAggregator(name, false);
    }

    /** The newest value present; {@code name} is the aggregator's name for error messages. */
    public static ArrivalOrderAggregator newest(String name) {
        return new ArrivalOrderAggregator(name, true);
    }

    @Override
    public void add(Object value) {
        if (value != null) {
            values.addLast(value);
        }
    }

    @Override
    public void remove(Object value) {
        if (value != null) {
            values.removeFirstOccurrence(value);
        }
    }

    @Override
    public void reset() {
        values.clear();
    }

    @Override
    public Object value() {
        return newest ? values.peekLast() : values.peekFirst();
    }

    @Override
    public Serializable snapshot() {
        return new ArrayList<>(values);
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof List<?> list) || list.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("not a " + name + " snapshot: " + state);
        }
        values.clear();
        values.addAll(list);
    }
}
