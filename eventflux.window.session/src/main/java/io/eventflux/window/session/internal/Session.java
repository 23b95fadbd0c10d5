package io.eventflux.window.session.internal;

import io.eventflux.api.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One open session of one key: its events with their arrival numbers, in arrival order, and the span
 * of their timestamps. Mutable; owned by {@link SessionWindow}.
 */
final class Session {
    /** Orders sessions by close time, then by their first arrival (unique per session). */
    static final Comparator<Session> BY_CLOSE = Comparator.comparingLong((Session s) -> s.closeAt)
            .thenComparingLong(Session::firstSeq);

    final Object key;
    private final List<Long> seqs = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private long start = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    /** When the session closes: last timestamp + gap + allowed latency (fixed while in a sorted set). */
    long closeAt;

    Session(Object key) {
        this.key = key;
    }

    /** True when {@code ts} is less than {@code gap} from the session's span. */
    boolean accepts(long ts, long gap) {
        return ts > start - gap && ts < last + gap;
    }

    void add(long seq, Event event) {
        seqs.add(seq);
        events.add(event);
        start = Math.min(start, event.timestamp());
        last = Math.max(last, event.timestamp());
    }

    /** Takes over the events of another session, keeping arrival order. */
    void absorb(Session other) {
        List<Long> mergedSeqs = new ArrayList<>(seqs.size() + other.seqs.size());
        List<Event> mergedEvents = new ArrayList<>(mergedSeqs.size());
        int i = 0;
        int j = 0;
        while (i < seqs.size() || j < other.seqs.size()) {
            if (j == other.seqs.size() || i < seqs.size() && seqs.get(i) < other.seqs.get(j)) {
                mergedSeqs.add(seqs.get(i));
                mergedEvents.add(events.get(i++));
            } else {
                mergedSeqs.add(other.seqs.get(j));
                mergedEvents.add(other.events.get(j++));
            }
        }
        seqs.clear();
        events.clear();
        seqs.addAll(mergedSeqs);
        events.addAll(mergedEvents);
        start = Math.min(start, other.start);
        last = Math.max(last, other.last);
    }

    long last() {
        return last;
    }

    long firstSeq() {
        return seqs.get(0);
    }

    List<Long> seqs() {
        return seqs;
    }

    /** The events in arrival order (the live list: do not modify). */
    List<Event> events() {
        return events;
    }
}
