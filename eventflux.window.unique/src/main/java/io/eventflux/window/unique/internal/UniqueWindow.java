package io.eventflux.window.unique.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;

/**
 * The latest event per key. An arrival whose key is held replaces the held event, which is reported
 * expired (stamped with the arrival's time) before the arrival is reported current. NULL is a key like
 * any other. Needs no timers.
 */
final class UniqueWindow implements Window {
    private final int keyIndex;
    /** Key to latest event, in the order the held events arrived (a replaced key moves to the end). */
    private LinkedHashMap<Object, Event> held = new LinkedHashMap<>();

    UniqueWindow(int keyIndex) {
        this.keyIndex = keyIndex;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        Event replaced = held.remove(event.get(keyIndex));
        if (replaced != null) {
            out.expired(replaced.asExpired(event.timestamp()));
        }
        held.put(event.get(keyIndex), event);
        out.current(event);
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        // never schedules a timer
    }

    /** A read-only view of the held events, oldest first; valid until the next call on this window. */
    @Override
    public Collection<Event> contents() {
        return Collections.unmodifiableCollection(held.values());
    }

    @Override
    public Serializable snapshot() {
        return EventArrays.encode(held.values());
    }

    @Override
    public void restore(Serializable state) {
        held = EventArrays.decodeByKey(state, keyIndex);
    }
}
