package io.eventflux.extension.support.window;

import io.eventflux.api.Event;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashMap;

/**
 * Copies held events to and from plain JDK arrays, so a snapshot can be deserialized by a persistence
 * store that cannot see this bundle's classes. The encoded form is {@code Object[]{long[] timestamps,
 * Object[][] data}}; every data array is copied, so the snapshot shares nothing mutable with the window.
 */
public final class EventArrays {
    private EventArrays() {
    }

    public static Serializable encode(Collection<Event> events) {
        long[] timestamps = new long[events.size()];
        Object[][] data = new Object[events.size()][];
        int i = 0;
        for (Event e : events) {
            timestamps[i] = e.timestamp();
            data[i] = e.data().clone();
            i++;
        }
        return new Object[] {timestamps, data};
    }

    public static ArrayDeque<Event> decode(Object encoded) {
        if (!(encoded instanceof Object[] parts) || parts.length != 2 || !(parts[0] instanceof long[] timestamps)
                || !(parts[1] instanceof Object[][] data) || timestamps.length != data.length) {
            throw new IllegalArgumentException("not a window snapshot of held events: " + encoded);
        }
        ArrayDeque<Event> events = new ArrayDeque<>(Math.max(timestamps.length, 16));
        for (int i = 0; i < timestamps.length; i++) {
            events.addLast(new Event(timestamps[i], data[i].clone()));
        }
        return events;
    }

    /**
     * Decodes the events of a window that holds one event per key (the value of attribute
     * {@code keyIndex}), in their encoded order; fails when two of them have the same key.
     */
    public static LinkedHashMap<Object, Event> decodeByKey(Object encoded, int keyIndex) {
        LinkedHashMap<Object, Event> byKey = new LinkedHashMap<>();
        for (Event e : decode(encoded)) {
            if (byKey.put(e.get(keyIndex), e) != null) {
                throw new IllegalArgumentException("snapshot holds two events with the key " + e.get(keyIndex));
            }
        }
        return byKey;
    }
}
