package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** An event in a snapshot ({@link Event} itself is not serializable). */
record EventData(long timestamp, Object[] data, boolean expired) implements Serializable {
    static EventData of(Event e) {
        return e == null ? null : new EventData(e.timestamp(), e.data().clone(), e.isExpired());
    }

    Event toEvent() {
        return new Event(timestamp, data.clone(), expired);
    }

    static ArrayList<EventData> all(List<Event> events) {
        ArrayList<EventData> out = new ArrayList<>(events.size());
        for (Event e : events) {
            out.add(of(e));
        }
        return out;
    }

    static void restoreInto(List<EventData> from, List<Event> into) {
        into.clear();
        for (EventData d : from) {
            into.add(d.toEvent());
        }
    }
}
