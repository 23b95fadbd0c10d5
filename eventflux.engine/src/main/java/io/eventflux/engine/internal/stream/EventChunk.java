package io.eventflux.engine.internal.stream;

import io.eventflux.api.Event;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A reusable, growable batch of events: what one input chunk, window flush or timer produced. Owned by
 * one stage on the writer thread; receivers read it during the call and must not keep it.
 */
public final class EventChunk {
    private Event[] events;
    private int size;

    public EventChunk(int capacity) {
        this.events = new Event[Math.max(1, capacity)];
    }

    public void add(Event e) {
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
        }
        events[size++] = e;
    }

    public void addAll(List<Event> list) {
        for (Event e : list) {
            add(e);
        }
    }

    public Event get(int i) {
        return events[i];
    }

    /** Replaces the event at a position (ORDER BY permutes rows in place). */
    public void set(int i, Event e) {
        events[i] = e;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Drops the events after the first {@code newSize}. */
    public void truncate(int newSize) {
        // a plain loop: most chunks hold one event, for which Arrays.fill's call and checks cost more
        for (int i = newSize; i < size; i++) {
            events[i] = null;
        }
        if (newSize < size) {
            size = newSize;
        }
    }

    public void clear() {
        truncate(0);
    }

    /** An immutable copy for callbacks, which may keep it. */
    public List<Event> toList() {
        if (size == 1) {
            return Collections.singletonList(events[0]);
        }
        return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(events, size)));
    }
}
