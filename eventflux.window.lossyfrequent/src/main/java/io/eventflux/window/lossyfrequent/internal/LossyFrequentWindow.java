package io.eventflux.window.lossyfrequent.internal;

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
 * Lossy counting (Manku and Motwani), as Siddhi's {@code lossyFrequent} window does it. The stream is
 * cut into buckets of {@code w = ceil(1 / error)} events; bucket {@code b} is {@code ceil(N / w)} after
 * N events. Each tracked key has a count, the most it may have been undercounted ({@code delta = b - 1}
 * when first seen) and its last event. For every arrival:
 *
 * <ol>
 *   <li>its key's count goes up (a new key starts at 1) and the arrival becomes the key's last event;</li>
 *   <li>it is reported current when its key's count is at least {@code (support - error) * N};</li>
 *   <li>at the end of a bucket ({@code N % w == 0}) every key with {@code count + delta <= b} is pruned
 *       and its last event reported expired, stamped with the arrival's time (after the arrival, which
 *       may itself be among them), in the order the keys were first seen.</li>
 * </ol>
 * A replaced last event is not reported. Needs no timers.
 */
final class LossyFrequentWindow implements Window {
    private final double threshold;
    private final long bucketWidth;
    private final KeyExtractor keys;
    private long total;
    /** Tracked key to its entry, in the order the keys were first seen. */
    private LinkedHashMap<List<Object>, Entry> tracked = new LinkedHashMap<>();

    /** Count, maximum undercount and last event of one key. */
    private static final class Entry {
        long count;
        final long delta;
        Event last;

        Entry(long count, long delta, Event last) {
            this.count = count;
            this.delta = delta;
            this.last = last;
        }
    }

    LossyFrequentWindow(LossyFrequentWindowDefinition definition) {
        this.threshold = definition.support() - definition.error();
        this.bucketWidth = definition.bucketWidth();
        this.keys = definition.keys();
    }

    @Override
    public void process(Event event, WindowCollector out) {
        total++;
        long bucket = ceilDiv(total, bucketWidth);
        List<Object> key = keys.keyOf(event);
        Entry entry = tracked.get(key);
        if (entry == null) {
            entry = new Entry(0, bucket - 1, event);
            tracked.put(key, entry);
        }
        entry.count++;
        entry.last = event;
        if (entry.count >= threshold * total) {
            out.current(event);
        }
        if (total % bucketWidth == 0) {
            for (Iterator<Entry> it = tracked.values().iterator(); it.hasNext();) {
                Entry e = it.next();
                if (e.count + e.delta <= bucket) {
                    it.remove();
                    out.expired(e.last.asExpired(event.timestamp()));
                }
            }
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        // never schedules a timer
    }

    /** The last event of every tracked key, in the order the keys were first seen (a read-only copy). */
    @Override
    public Collection<Event> contents() {
        List<Event> events = new ArrayList<>(tracked.size());
        for (Entry e : tracked.values()) {
            events.add(e.last);
        }
        return Collections.unmodifiableList(events);
    }

    /** {@code Object[]{Long total, long[] counts, long[] deltas, held events}}, in first-seen order. */
    @Override
    public Serializable snapshot() {
        long[] counts = new long[tracked.size()];
        long[] deltas = new long[tracked.size()];
        int i = 0;
        for (Entry e : tracked.values()) {
            counts[i] = e.count;
            deltas[i] = e.delta;
            i++;
        }
        return new Object[] {total, counts, deltas, EventArrays.encode(contents())};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 4 || !(parts[0] instanceof Long n)
                || !(parts[1] instanceof long[] counts) || !(parts[2] instanceof long[] deltas)) {
            throw new IllegalArgumentException("not a lossyFrequent window snapshot: " + state);
        }
        ArrayDeque<Event> events = EventArrays.decode(parts[3]);
        if (events.size() != counts.length || counts.length != deltas.length) {
            throw new IllegalArgumentException("inconsistent lossyFrequent window snapshot");
        }
        LinkedHashMap<List<Object>, Entry> restored = new LinkedHashMap<>();
        int i = 0;
        for (Event e : events) {
            if (restored.put(keys.keyOf(e), new Entry(counts[i], deltas[i], e)) != null) {
                throw new IllegalArgumentException("snapshot tracks the key " + keys.keyOf(e) + " twice");
            }
            i++;
        }
        total = n;
        tracked = restored;
    }

    /** For tests: count and delta of each tracked key, in first-seen order. */
    Map<List<Object>, List<Long>> entries() {
        Map<List<Object>, List<Long>> copy = new LinkedHashMap<>();
        tracked.forEach((k, e) -> copy.put(k, List.of(e.count, e.delta)));
        return copy;
    }
}
