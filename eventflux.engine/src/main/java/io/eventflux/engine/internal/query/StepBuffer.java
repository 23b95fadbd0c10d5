package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import java.util.Arrays;

/** What a sliding window reported during one call: events in order, each current or expired. */
final class StepBuffer {
    Event[] events = new Event[4];
    boolean[] expired = new boolean[4];
    Group[] groups = new Group[4];
    int size;

    void add(Event e, boolean isExpired) {
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
            expired = Arrays.copyOf(expired, size * 2);
            groups = Arrays.copyOf(groups, size * 2);
        }
        events[size] = e;
        expired[size++] = isExpired;
    }

    void clear() {
        Arrays.fill(events, 0, size, null);
        Arrays.fill(groups, 0, size, null);
        size = 0;
    }
}
