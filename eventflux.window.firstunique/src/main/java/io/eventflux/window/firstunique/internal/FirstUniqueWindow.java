package io.eventflux.window.firstunique.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;

/**
 * The first event per key. An arrival with a new key is held and reported current; an arrival whose
 * key is held is dropped without output. Nothing ever expires, so the window grows with the number of
 * distinct keys (as Siddhi's firstUnique does). NULL is a key like any other. Needs no timers.
 */
final class FirstUniqueWindow implements Window {
    private final int keyIndex;
    /** Key to the first event with it, in arrival order. */
    private LinkedHashMap<Object, Event> held = new LinkedHashMap<>();

    FirstUniqueWindow(int keyIndex) {
        this.keyIndex = keyIndex;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        // held values are never null, so null means the key was not held
        if (held.putIfAbsent(event.get(keyIndex), event) == null) {
            out.current(event);
        }
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
