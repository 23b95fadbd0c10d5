package io.eventflux.window.length.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;

/**
 * The last {@code size} events. When one more arrives, the oldest is reported as expired, stamped
 * with the arriving event's time, and then the new one as current. Needs no timers.
 */
final class LengthWindow implements Window {
    /** Initial capacity cap, so {@code length(1000000)} does not allocate its whole buffer up front. */
    private static final int MAX_INITIAL_CAPACITY = 1024;

    private final int size;
    private ArrayDeque<Event> held;

    LengthWindow(int size) {
        this.size = size;
        this.held = new ArrayDeque<>(Math.min(size, MAX_INITIAL_CAPACITY));
    }

    @Override
    public void process(Event event, WindowCollector out) {
        if (held.size() == size) {
            out.expired(held.pollFirst(), event.timestamp());
        }
        held.addLast(event);
        out.current(event);
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
        if (restored.size() > size) {
            throw new IllegalArgumentException("snapshot holds " + restored.size()
                    + " events, more than the window size " + size);
        }
        held = restored;
    }
}
