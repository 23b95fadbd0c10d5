package io.eventflux.extension.support.aggregator;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;

/**
 * The smallest or the largest value ever seen. It keeps the argument's own object (no copy, no
 * boxing), compared in natural order: values of one argument all have the argument type's Java class.
 *
 * <p>As in Siddhi, "forever" outlives the window: {@link #remove} is ignored and so is {@link #reset}
 * (a batch window resets its aggregators at every flush; a maxForever that forgot its value there would
 * just be {@code max} over the batch). The value goes only with the query's state (a new instance).
 *
 * <p>Snapshot: {@code Object[]{value or null}}.
 */
public final class ForeverExtremeAggregator implements Aggregator {
    private final String name;
    /** +1 keeps the largest, -1 the smallest. */
    private final int direction;
    private Object extreme;

    private ForeverExtremeAggregator(String name, int direction) {
        this.name = name;
        this.direction = direction;
    }

    /** The smallest value ever seen; {@code name} is the aggregator's name for error messages. */
    public static ForeverExtremeAggregator smallest(String name) {
        return new ForeverExtremeAggregator(name, -1);
    }

    /** The largest value ever seen; {@code name} is the aggregator's name for error messages. */
    public static ForeverExtremeAggregator largest(String name) {
        return new ForeverExtremeAggregator(name, 1);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(Object value) {
        if (value != null
                && (extreme == null || Integer.signum(((Comparable<Object>) value).compareTo(extreme)) == direction)) {
            extreme = value;
        }
    }

    @Override
    public void remove(Object value) {
        // forever: an expired value does not take the extreme with it
    }

    @Override
    public void reset() {
        // forever: a new batch does not forget the extreme either (Siddhi semantics)
    }

    @Override
    public Object value() {
        return extreme;
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {extreme};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 1
                || (parts[0] != null && !(parts[0] instanceof Comparable<?>))) {
            throw new IllegalArgumentException("not a " + name + " snapshot: " + state);
        }
        extreme = parts[0];
    }
}
