package io.eventflux.window.frequent.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import io.eventflux.extension.support.window.KeyExtractor;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Misra-Gries frequent items over the key, as Siddhi's {@code frequent} window does it. Up to
 * {@code count} keys are counted, each with the last event that had it:
 *
 * <ul>
 *   <li>an arrival whose key is counted increments its counter, replaces the key's event (silently:
 *       the replaced event is not reported) and is reported current;</li>
 *   <li>an arrival with a new key, while fewer than {@code count} keys are counted, is counted with 1
 *       and reported current;</li>
 *   <li>otherwise every counter is decremented, in the order the keys became counted; a key reaching 0
 *       is evicted and its last event reported expired, stamped with the arrival's time. If that made
 *       room, the arrival is counted with 1 and reported current (after the expiries); if not, it is
 *       dropped without output.</li>
 * </ul>
 * Needs no timers.
 */
final class FrequentWindow implements Window {
    private final int count;
    private final KeyExtractor keys;
    /** Counted key to its slot, in the order the keys became counted. */
    private LinkedHashMap<List<Object>, Slot> counted = new LinkedHashMap<>();

    /** The counter and last event of one key. */
    private static final class Slot {
        long counter;
        Event last;

        Slot(long counter, Event last) {
            this.counter = counter;
            this.last = last;
        }
    }

    FrequentWindow(int count, KeyExtractor keys) {
        this.count = count;
        this.keys = keys;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        List<Object> key = keys.keyOf(event);
        Slot slot = counted.get(key);
        if (slot != null) {
            slot.counter++;
            slot.last = event;
            out.current(event);
            return;
        }
        if (counted.size() == count) {
            for (Iterator<Slot> it = counted.values().iterator(); it.hasNext();) {
                Slot s = it.next();
                if (--s.counter == 0) {
                    it.remove();
                    out.expired(s.last.asExpired(event.timestamp()));
                }
            }
            if (counted.size() == count) {
                return;
            }
        }
        counted.put(key, new Slot(1, event));
        out.current(event);
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        // never schedules a timer
    }

    /** The last event of every counted key, in the order the keys became counted (a read-only copy). */
    @Override
    public Collection<Event> contents() {
        List<Event> events = new ArrayList<>(counted.size());
        for (Slot s : counted.values()) {
            events.add(s.last);
        }
        return Collections.unmodifiableList(events);
    }

    /** {@code Object[]{long[] counters, held events}}, both in the order the keys became counted. */
    @Override
    public Serializable snapshot() {
        long[] counters = new long[counted.size()];
        int i = 0;
        for (Slot s : counted.values()) {
            counters[i++] = s.counter;
        }
        return new Object[] {counters, EventArrays.encode(contents())};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 2 || !(parts[0] instanceof long[] counters)) {
            throw new IllegalArgumentException("not a frequent window snapshot: " + state);
        }
        ArrayDeque<Event> events = EventArrays.decode(parts[1]);
        if (events.size() != counters.length || events.size() > count) {
            throw new IllegalArgumentException("snapshot does not fit a frequent window of " + count + " keys");
        }
        LinkedHashMap<List<Object>, Slot> restored = new LinkedHashMap<>();
        int i = 0;
        for (Event e : events) {
            if (restored.put(keys.keyOf(e), new Slot(counters[i++], e)) != null) {
                throw new IllegalArgumentException("snapshot counts the key " + keys.keyOf(e) + " twice");
            }
        }
        counted = restored;
    }

    /** For tests: the counter of each key, in the order the keys became counted. */
    Map<List<Object>, Long> counters() {
        Map<List<Object>, Long> copy = new LinkedHashMap<>();
        counted.forEach((k, s) -> copy.put(k, s.counter));
        return copy;
    }
}
