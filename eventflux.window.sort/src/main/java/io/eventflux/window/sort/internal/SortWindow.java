package io.eventflux.window.sort.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.TreeSet;

/**
 * The {@code size} events that come first in sort order. Each arrival is reported current; when the
 * window then holds one event too many, the one that sorts last is reported expired, stamped with the
 * arrival's time (as in Siddhi, the expiry follows the arrival, because the arrival itself may be the
 * one pushed out). Among equal keys the later arrival sorts later. Needs no timers.
 */
final class SortWindow implements Window {
    private final int size;
    /** Held events in sort order (ties by arrival). */
    private final TreeSet<Held> sorted;
    /** Held events in arrival order, by sequence number. */
    private final LinkedHashMap<Long, Event> byArrival = new LinkedHashMap<>();
    private long nextSeq;

    /** A held event and its arrival number, the tie breaker. */
    private record Held(long seq, Event event) {
    }

    SortWindow(int size, Comparator<Event> eventOrder) {
        this.size = size;
        this.sorted = new TreeSet<>(Comparator.comparing(Held::event, eventOrder).thenComparingLong(Held::seq));
    }

    @Override
    public void process(Event event, WindowCollector out) {
        add(event);
        out.current(event);
        if (sorted.size() > size) {
            Held last = sorted.pollLast();
            byArrival.remove(last.seq());
            out.expired(last.event().asExpired(event.timestamp()));
        }
    }

    private void add(Event event) {
        long seq = nextSeq++;
        sorted.add(new Held(seq, event));
        byArrival.put(seq, event);
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        // never schedules a timer
    }

    /** A read-only view of the held events, oldest first; valid until the next call on this window. */
    @Override
    public Collection<Event> contents() {
        return Collections.unmodifiableCollection(byArrival.values());
    }

    /** The held events in arrival order; restoring re-sorts them, and ties keep their arrival order. */
    @Override
    public Serializable snapshot() {
        return EventArrays.encode(byArrival.values());
    }

    @Override
    public void restore(Serializable state) {
        ArrayDeque<Event> restored = EventArrays.decode(state);
        if (restored.size() > size) {
            throw new IllegalArgumentException("snapshot holds " + restored.size()
                    + " events, more than the window size " + size);
        }
        sorted.clear();
        byArrival.clear();
        nextSeq = 0;
        for (Event e : restored) {
            add(e);
        }
    }
}
