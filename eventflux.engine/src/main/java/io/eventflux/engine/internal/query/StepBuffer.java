package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import java.util.Arrays;

/**
 * What a sliding window reported during one call: events in order, each current or expired, with its time
 * (an expired event's departure time: the window reports the held event itself, not a stamped copy).
 */
final class StepBuffer {
    Event[] events = new Event[4];
    boolean[] expired = new boolean[4];
    long[] times = new long[4];
    Group[] groups = new Group[4];
    int size;

    /** An event at its own time (an expired one already stamped with its departure time). */
    void add(Event e, boolean isExpired) {
        add(e, isExpired, e.timestamp());
    }

    void add(Event e, boolean isExpired, long time) {
        add(e, isExpired, time, null);
    }

    void add(Event e, boolean isExpired, long time, Group group) {
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
            expired = Arrays.copyOf(expired, size * 2);
            times = Arrays.copyOf(times, size * 2);
            groups = Arrays.copyOf(groups, size * 2);
        }
        events[size] = e;
        times[size] = time;
        if (group != null) {
            groups[size] = group;
        }
        expired[size++] = isExpired;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            events[i] = null;
            if (groups[i] != null) {
                groups[i] = null;
            }
        }
        size = 0;
    }
}
