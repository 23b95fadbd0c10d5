package io.eventflux.window.externaltime.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;

/**
 * The events of the last {@code duration} ms of the time an attribute carries. Time moves only with
 * arrivals: an arrival whose attribute time is T first expires, oldest first, every held event whose
 * attribute time plus the duration is at most T, each stamped with that expiry time (attribute time +
 * duration, like the time window), and is then reported current. No timers.
 *
 * <p>As in Siddhi, attribute times are expected to rise: expiry stops at the first held event that has
 * not expired, and a late arrival is held like any other. An event whose time attribute is NULL cannot
 * be placed in time; it is dropped without output.
 */
final class ExternalTimeWindow implements Window {
    private final int timestampIndex;
    private final long duration;
    private ArrayDeque<Event> held = new ArrayDeque<>();

    ExternalTimeWindow(int timestampIndex, long duration) {
        this.timestampIndex = timestampIndex;
        this.duration = duration;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        if (!(event.get(timestampIndex) instanceof Long now)) {
            return;
        }
        while (!held.isEmpty()) {
            long expiresAt = expiryOf(held.peekFirst());
            if (expiresAt > now) {
                break;
            }
            out.expired(held.pollFirst().asExpired(expiresAt));
        }
        held.addLast(event);
        out.current(event);
    }

    private long expiryOf(Event event) {
        long ts = (Long) event.get(timestampIndex);
        return ts > Long.MAX_VALUE - duration ? Long.MAX_VALUE : ts + duration;
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        // never schedules a timer
    }

    /** A read-only view of the held events, oldest first; valid until the next call on this window. */
    @Override
    public Collection<Event> contents() {
        return Collections.unmodifiableCollection(held);
    }

    @Override
    public Serializable snapshot() {
        return EventArrays.encode(held);
    }

    @Override
    public void restore(Serializable state) {
        ArrayDeque<Event> restored = EventArrays.decode(state);
        for (Event e : restored) {
            if (!(e.get(timestampIndex) instanceof Long)) {
                throw new IllegalArgumentException("snapshot holds an event without a LONG time at position "
                        + timestampIndex + ": " + e);
            }
        }
        held = restored;
    }
}
