package io.eventflux.window.session.internal;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.api.window.WindowContext;
import io.eventflux.extension.support.window.EventArrays;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Per-key sessions on event time. Events of one key less than {@code gap} apart belong to one session
 * (an event exactly {@code gap} after the last one starts a new session). A session closes at its last
 * event's timestamp + gap + allowed latency: by a timer, or before an arrival at or after that time.
 *
 * <p>Closing at time T reports, as one batch: the events of the sessions closed at the previous flush
 * as expired (stamped T), then the events of every session closing at T as current (session by
 * session in the order they began, each in arrival order), then {@code flush(T)}. So, as with the
 * other batch windows, a closed session's events stay in the window until the next flush expires them.
 *
 * <p>Late events (a timestamp earlier than the session's events so far): an event joins every open
 * session of its key it is less than {@code gap} from, merging them when it bridges two. The allowed
 * latency keeps a session open that long after its gap, so late events can still join it (as Siddhi's
 * allowedLatency does, without Siddhi's separate "previous session"). A late event that fits no open
 * session starts its own session, unless that session would already be over ({@code ts + gap +
 * allowedLatency} not after the clock), in which case it is dropped without output.
 *
 * <p>One timer is outstanding, for the earliest close; a timer left behind by a session that was
 * extended fires harmlessly and asks for the next one.
 */
final class SessionWindow implements Window {
    private static final long NONE = Long.MIN_VALUE;

    private final SessionWindowDefinition definition;
    private final Clock clock;
    private final Scheduler scheduler;
    /** The open sessions of each key (usually one). */
    private final Map<Object, List<Session>> open = new HashMap<>();
    /** Every open session, by close time. */
    private final TreeSet<Session> byClose = new TreeSet<>(Session.BY_CLOSE);
    /** The events of the sessions closed at the last flush, held until the next flush expires them. */
    private ArrayDeque<Event> flushed = new ArrayDeque<>();
    private long nextSeq;
    /** The earliest timer asked for and not fired yet, or NONE. */
    private long pendingTimer = NONE;

    SessionWindow(SessionWindowDefinition definition, WindowContext context) {
        this.definition = definition;
        this.clock = context.clock();
        this.scheduler = context.scheduler();
    }

    @Override
    public void process(Event event, WindowCollector out) {
        long now = clock.now();
        long ts = event.timestamp();
        closeUpTo(Math.max(now, ts), out);
        Session target = joinOpenSessions(definition.keyOf(event), ts);
        if (target == null) {
            if (closeTimeOf(ts) <= now) {
                return; // too late: the session it would start is already over
            }
            target = new Session(definition.keyOf(event));
            open.computeIfAbsent(target.key, k -> new ArrayList<>(1)).add(target);
        }
        target.add(nextSeq++, event);
        target.closeAt = closeTimeOf(target.last());
        byClose.add(target);
        ensureTimer();
    }

    /**
     * Finds the open sessions of {@code key} that accept {@code ts}, takes them out of the close order
     * (they are about to change), merges them into the first one and returns it; null when none accepts.
     */
    private Session joinOpenSessions(Object key, long ts) {
        List<Session> sessions = open.get(key);
        if (sessions == null) {
            return null;
        }
        Session target = null;
        for (Iterator<Session> it = sessions.iterator(); it.hasNext();) {
            Session s = it.next();
            if (s.accepts(ts, definition.gap())) {
                byClose.remove(s);
                if (target == null) {
                    target = s;
                } else {
                    target.absorb(s);
                    it.remove();
                }
            }
        }
        return target;
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        if (time >= pendingTimer) {
            pendingTimer = NONE;
        }
        closeUpTo(time, out);
        ensureTimer();
    }

    /** Closes every session due by {@code now}: one flush per distinct close time, earliest first. */
    private void closeUpTo(long now, WindowCollector out) {
        while (!byClose.isEmpty() && byClose.first().closeAt <= now) {
            long closeAt = byClose.first().closeAt;
            for (Event old : flushed) {
                out.expired(old.asExpired(closeAt));
            }
            flushed.clear();
            while (!byClose.isEmpty() && byClose.first().closeAt == closeAt) {
                Session s = byClose.pollFirst();
                List<Session> sessions = open.get(s.key);
                sessions.remove(s);
                if (sessions.isEmpty()) {
                    open.remove(s.key);
                }
                for (Event e : s.events()) {
                    out.current(e);
                    flushed.addLast(e);
                }
            }
            out.flush(closeAt);
        }
    }

    private void ensureTimer() {
        if (!byClose.isEmpty()) {
            long next = byClose.first().closeAt;
            if (pendingTimer == NONE || next < pendingTimer) {
                pendingTimer = next;
                scheduler.schedule(next);
            }
        }
    }

    private long closeTimeOf(long lastTimestamp) {
        long wait = definition.gap() + definition.allowedLatency();
        return lastTimestamp > Long.MAX_VALUE - wait ? Long.MAX_VALUE : lastTimestamp + wait;
    }

    /**
     * The events of the sessions closed at the last flush, in the order they were reported (the events
     * a join sees); open sessions are not in the window until they close. A read-only view, valid until
     * the next call.
     */
    @Override
    public Collection<Event> contents() {
        return Collections.unmodifiableCollection(flushed);
    }

    /**
     * {@code Object[]{Long nextSeq, int[] session sizes, long[] arrival numbers, open events, closed
     * events}}: the open sessions in close order, their events concatenated in arrival order. Keys and
     * spans are recomputed from the events on restore.
     */
    @Override
    public Serializable snapshot() {
        int[] sizes = new int[byClose.size()];
        List<Long> seqs = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        int i = 0;
        for (Session s : byClose) {
            sizes[i++] = s.events().size();
            seqs.addAll(s.seqs());
            events.addAll(s.events());
        }
        long[] seqArray = new long[seqs.size()];
        for (int j = 0; j < seqArray.length; j++) {
            seqArray[j] = seqs.get(j);
        }
        return new Object[] {nextSeq, sizes, seqArray, EventArrays.encode(events), EventArrays.encode(flushed)};
    }

    /** Puts the sessions back and asks this instance's scheduler for the earliest close. */
    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 5 || !(parts[0] instanceof Long seq)
                || !(parts[1] instanceof int[] sizes) || !(parts[2] instanceof long[] seqs)) {
            throw new IllegalArgumentException("not a session window snapshot: " + state);
        }
        ArrayDeque<Event> events = EventArrays.decode(parts[3]);
        ArrayDeque<Event> restoredFlushed = EventArrays.decode(parts[4]);
        if (events.size() != seqs.length || Arrays.stream(sizes).asLongStream().sum() != seqs.length) {
            throw new IllegalArgumentException("inconsistent session window snapshot");
        }
        open.clear();
        byClose.clear();
        int k = 0;
        for (int size : sizes) {
            Session s = null;
            for (int j = 0; j < size; j++) {
                Event e = events.pollFirst();
                if (s == null) {
                    s = new Session(definition.keyOf(e));
                }
                s.add(seqs[k++], e);
            }
            if (s != null) {
                s.closeAt = closeTimeOf(s.last());
                open.computeIfAbsent(s.key, key -> new ArrayList<>(1)).add(s);
                byClose.add(s);
            }
        }
        flushed = restoredFlushed;
        nextSeq = seq;
        pendingTimer = NONE;
        ensureTimer();
    }
}
