package com.example.hello;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;

/** Keeps the last {@code size} events; the oldest expires when one more arrives. */
final class LastWindow implements Window {
    private final int size;
    private ArrayDeque<Event> held = new ArrayDeque<>();

    LastWindow(int size) {
        this.size = size;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        if (held.size() == size) {
            out.expired(held.pollFirst().asExpired(event.timestamp()));
        }
        held.addLast(event);
        out.current(event);
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        // no timers
    }

    @Override
    public Collection<Event> contents() {
        return Collections.unmodifiableCollection(held);
    }

    /** The events as (timestamp, values) pairs: plain serializable data. */
    @Override
    public Serializable snapshot() {
        ArrayList<Object[]> state = new ArrayList<>();
        for (Event e : held) {
            state.add(new Object[] {e.timestamp(), e.data().clone()});
        }
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Serializable state) {
        ArrayDeque<Event> restored = new ArrayDeque<>();
        for (Object[] e : (ArrayList<Object[]>) state) {
            restored.addLast(new Event((Long) e[0], (Object[]) e[1]));
        }
        held = restored;
    }
}
