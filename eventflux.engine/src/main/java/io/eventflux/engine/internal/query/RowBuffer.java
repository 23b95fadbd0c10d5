package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import io.eventflux.engine.internal.stream.EventChunk;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * The rows one chunk of a query produced, with each row's group key (for rate limiting per group) and
 * sort keys (ORDER BY). Reused for every chunk.
 */
public final class RowBuffer {
    private final EventChunk events = new EventChunk(16);
    private Object[] groupKeys = new Object[16];
    private Object[][] sortKeys = new Object[16][];

    void add(Event row, Object groupKey, Object[] sortKey) {
        int i = events.size();
        if (i == groupKeys.length) {
            groupKeys = Arrays.copyOf(groupKeys, i * 2);
            sortKeys = Arrays.copyOf(sortKeys, i * 2);
        }
        events.add(row);
        // only stored when set: the buffer is long-lived, and a stored reference pays the GC's write barrier
        if (groupKey != null) {
            groupKeys[i] = groupKey;
        }
        if (sortKey != null) {
            sortKeys[i] = sortKey;
        }
    }

    public int size() {
        return events.size();
    }

    public Event event(int i) {
        return events.get(i);
    }

    /** The row's group key (null without GROUP BY). */
    public Object groupKey(int i) {
        return groupKeys[i];
    }

    /** The rows as a chunk (valid until the buffer is cleared). */
    public EventChunk events() {
        return events;
    }

    /** SELECT DISTINCT: keeps the first of rows with equal values (and kind). */
    void dedupe() {
        Set<Object> seen = new HashSet<>();
        int w = 0;
        for (int r = 0; r < size(); r++) {
            Event e = events.get(r);
            if (seen.add(java.util.List.of(Arrays.asList(e.data()), e.isExpired()))) {
                move(r, w++);
            }
        }
        truncate(w);
    }

    private void move(int from, int to) {
        if (from != to) {
            events.set(to, events.get(from));
            groupKeys[to] = groupKeys[from];
            sortKeys[to] = sortKeys[from];
        }
    }

    /** ORDER BY: a stable sort on the sort keys. */
    void sort(Comparator<Object[]> comparator) {
        int n = size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> comparator.compare(sortKeys[a], sortKeys[b]));
        Event[] ev = new Event[n];
        Object[] gk = new Object[n];
        Object[][] sk = new Object[n][];
        for (int i = 0; i < n; i++) {
            ev[i] = events.get(order[i]);
            gk[i] = groupKeys[order[i]];
            sk[i] = sortKeys[order[i]];
        }
        for (int i = 0; i < n; i++) {
            events.set(i, ev[i]);
        }
        System.arraycopy(gk, 0, groupKeys, 0, n);
        System.arraycopy(sk, 0, sortKeys, 0, n);
    }

    /** OFFSET and LIMIT. */
    void slice(long offset, long limit) {
        int n = size();
        int from = (int) Math.min(offset, n);
        int count = (int) Math.min(limit, n - from);
        for (int i = 0; i < count; i++) {
            move(from + i, i);
        }
        truncate(count);
    }

    private void truncate(int n) {
        for (int i = n; i < size(); i++) {
            if (groupKeys[i] != null) {
                groupKeys[i] = null;
            }
            if (sortKeys[i] != null) {
                sortKeys[i] = null;
            }
        }
        events.truncate(n);
    }

    void clear() {
        truncate(0);
    }
}
