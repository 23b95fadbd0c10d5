package io.eventflux.api;

import java.util.Arrays;

/**
 * One event: an event-time timestamp in epoch milliseconds, the attribute values in schema order and
 * whether it is an expired event (one that left a window).
 *
 * <p>Events are immutable by contract: the engine never changes a data array after it has published
 * the event, and neither may receivers. The array is not copied, for speed.
 */
public final class Event {
    private final long timestamp;
    private final Object[] data;
    private final boolean expired;

    public Event(long timestamp, Object[] data) {
        this(timestamp, data, false);
    }

    public Event(long timestamp, Object[] data, boolean expired) {
        this.timestamp = timestamp;
        this.data = data;
        this.expired = expired;
    }

    public long timestamp() {
        return timestamp;
    }

    /** The attribute values in schema order (not a copy: do not modify). */
    public Object[] data() {
        return data;
    }

    /** The value at a position of the schema. */
    public Object get(int index) {
        return data[index];
    }

    public boolean isExpired() {
        return expired;
    }

    /** This event as an expired event at the given time (the time it left a window). */
    public Event asExpired(long expiredAt) {
        return new Event(expiredAt, data, true);
    }

    /** This event as a current event with another timestamp. */
    public Event withTimestamp(long newTimestamp) {
        return new Event(newTimestamp, data, expired);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e && e.timestamp == timestamp && e.expired == expired
                && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + Arrays.hashCode(data) + (expired ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Event{ts=" + timestamp + (expired ? ", expired" : "") + ", data=" + Arrays.toString(data) + '}';
    }
}
