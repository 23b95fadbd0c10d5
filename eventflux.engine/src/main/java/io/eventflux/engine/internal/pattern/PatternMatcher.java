package io.eventflux.engine.internal.pattern;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.extension.Stateful;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.pattern.PatternProgram.Kind;
import io.eventflux.engine.internal.pattern.PatternProgram.Step;
import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.time.TimerTarget;
import io.eventflux.sql.plan.PatternInput;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link PatternProgram} over the events of the pattern's streams (SQL.md 3.5). Partial matches sit
 * in one list in the order they began; each arriving event is offered to each of them in that order. A
 * completed match becomes a flat row ({@link MatchRows}) stamped with the completing event's time (the
 * timer's time for an absent step), and the rows one event completes go, in the order their matches began,
 * to the query (WHERE, selector, output) as one chunk.
 *
 * <p>Memory: {@code WITHIN} drops partial matches as soon as the next event or timer shows they can no
 * longer complete; the optional bound on partial matches drops the oldest and counts them.
 */
public final class PatternMatcher implements TimerTarget, Stateful {
    private static final System.Logger LOG = System.getLogger(PatternMatcher.class.getName());

    private final PatternProgram program;
    private final PatternInput input;
    private final int[] streamOf;
    private final Expr[] filters;
    private final java.util.BitSet[] filterExtras;
    private final boolean[] ownOnly;
    private final MatchRows rows;
    private final EvalContext ctx;
    private final Object[] scratch;
    private final Scheduler scheduler;
    private final ChunkReceiver query;
    private final EventChunk out = new EventChunk(4);

    /** The partial matches and counters: one instance per pattern (per partition key, once partitions come). */
    private PatternState state;
    /** Per stream and step: whether an event of the stream can concern a partial match at the step. */
    private final boolean[][] interested;
    /** The first begin number handed out for the event being processed. */
    private long eventBegin;

    // per event (reused)
    private final ArrayList<Partial> newcomers = new ArrayList<>();
    /** The step whose partial matches are being offered an event, or -1. */
    private int processing = -1;
    private final ArrayList<Completed> completed = new ArrayList<>();

    private record Completed(long begin, long order, Event row) {
    }

    /**
     * The event being offered to the partial matches (one instance, reused): it becomes a bound
     * {@link Partial.Ev}, shared by every partial match it joins, only when one takes it.
     */
    private static final class Candidate {
        long ts;
        Object[] data;
        Partial.Ev ev;

        long ts() {
            return ts;
        }

        Partial.Ev ev() {
            if (ev == null) {
                ev = new Partial.Ev(ts, data);
            }
            return ev;
        }
    }

    private final Candidate candidate = new Candidate();
    private final long withinMillis;
    private final long withinEvents;
    private final int maxPartialMatches;
    private final Within expiry = new Within();
    private long expireNow;
    private boolean expireOnArrival;

    /**
     * @param streamOf per element: the index of its stream among the pattern's streams
     * @param filters per element: its filter compiled over the flat row, or null
     * @param filterExtras per element: the extra slots of the flat row its filter reads
     * @param ownOnly per element: its filter reads only the element's own event, and is compiled over it
     * @param query receives the rows of completed matches (one chunk per input chunk or timer)
     */
    PatternMatcher(PatternInput input, PatternProgram program, int[] streamOf, Expr[] filters,
            java.util.BitSet[] filterExtras, boolean[] ownOnly, MatchRows rows,
            EvalContext ctx, Scheduler scheduler, ChunkReceiver query) {
        this.input = input;
        this.program = program;
        this.streamOf = streamOf;
        this.filters = filters;
        this.filterExtras = filterExtras;
        this.ownOnly = ownOnly.clone();
        this.rows = rows;
        this.ctx = ctx;
        this.scratch = new Object[rows.width()];
        this.scheduler = scheduler;
        this.query = query;
        this.state = new PatternState(program.size(), input.elements().size());
        this.interested = interest(program, input, streamOf);
        this.withinMillis = input.withinMillis();
        this.withinEvents = input.withinEvents();
        this.maxPartialMatches = input.maxPartialMatches();
    }

    private static boolean[][] interest(PatternProgram program, PatternInput input, int[] streamOf) {
        int streams = 0;
        for (int s : streamOf) {
            streams = Math.max(streams, s + 1);
        }
        boolean[][] interested = new boolean[streams][program.size()];
        for (int j = program.size() - 1; j >= 0; j--) {
            Step st = program.step(j);
            for (int s = 0; s < streams; s++) {
                interested[s][j] = streamOf[st.element] == s || st.kind == Kind.LOGICAL && streamOf[st.right] == s
                        || st.counted && j + 1 < program.size() && interested[s][j + 1];
            }
        }
        return interested;
    }

    /** Time starts: an absent first step starts counting. */
    void start(long time) {
        for (Partial p : state.lists.all()) {
            enter(p, time);
        }
    }

    /** Partial matches dropped because of {@code pattern.max.partial.matches}. */
    public long droppedPartialMatches() {
        return state.dropped;
    }

    /** Partial matches held now (the waiting start states included). */
    public int partialMatches() {
        return state.lists.size();
    }

    // ------------------------------------------------------------------ events

    void process(int stream, EventChunk chunk) {
        Candidate c = candidate;
        try {
            for (int i = 0; i < chunk.size(); i++) {
                Event e = chunk.get(i);
                c.ts = e.timestamp();
                c.data = e.data();
                c.ev = null;
                onEvent(stream, c);
            }
        } finally {
            c.data = null;
            c.ev = null;
        }
        flush();
    }

    private void onEvent(int stream, Candidate ev) {
        state.seq++;
        expire(ev.ts(), true);
        eventBegin = state.nextBegin;
        // last step first: a partial match moving forward lands in a list this event has already visited
        for (int j = program.size() - 1; j >= 0; j--) {
            if (state.lists.isEmpty(j) || !input.sequence() && !interested[stream][j]) {
                continue;
            }
            processing = j;
            ArrayList<Partial> visiting = state.lists.detach(j);
            for (int i = 0, n = visiting.size(); i < n; i++) {
                Partial p = visiting.get(i);
                if (!offer(p, ev, stream)) {
                    if (input.sequence() && p.started()) {
                        discard(p, ev, stream);
                    } else {
                        state.lists.add(p);
                    }
                }
            }
            visiting.clear();
        }
        processing = -1;
        settle();
        emitCompleted();
    }

    /** Offers an event to a partial match; if it takes part, the match (or what it became) is placed. */
    private boolean offer(Partial p, Candidate ev, int stream) {
        Step st = program.step(p.step);
        return switch (st.kind) {
            case SINGLE -> single(p, st, ev, stream);
            case LOGICAL -> logical(p, st, ev, stream);
            case ABSENT -> absent(p, st, ev, stream);
        };
    }

    private boolean single(Partial p, Step st, Candidate ev, int stream) {
        int k = st.element;
        int c = p.count(k);
        if (st.counted && c >= st.min && st.index + 1 < program.size()) {
            // a counted element that has its minimum ends when the next step takes the event
            Partial q = p.copy();
            q.step = st.index + 1;
            enter(q, ev.ts());
            if (offer(q, ev, stream)) {
                restartGroups(st, q);
                return true;
            }
        }
        if (c >= st.max || streamOf[k] != stream || !matches(p, k, ev)) {
            return false;
        }
        boolean fork = st.forkOnEntry && c == 0;
        Partial target = fork ? p.copy() : p;
        if (fork) {
            stay(p);
        }
        bind(target, k, ev, st.counted);
        if (fork) {
            target.deadline = Partial.NONE;
        }
        int n = c + 1;
        if (n >= st.max || st.index + 1 == program.size() && n >= st.min) {
            leave(target, st, ev.ts());
        } else {
            place(target);
        }
        return true;
    }

    private boolean logical(Partial p, Step st, Candidate ev, int stream) {
        for (int side = 0; side < 2; side++) {
            int k = side == 0 ? st.element : st.right;
            if (streamOf[k] != stream) {
                continue;
            }
            PatternInput.Element e = input.elements().get(k);
            if (e.absent()) {
                if (matches(p, k, ev)) {
                    discard(p, null, stream);
                    return true;
                }
                continue;
            }
            if (p.bound[k] != null || !matches(p, k, ev)) {
                continue;
            }
            boolean fork = st.forkOnEntry && p.bound[st.element] == null && p.bound[st.right] == null;
            Partial target = fork ? p.copy() : p;
            if (fork) {
                stay(p);
            }
            bind(target, k, ev, false);
            if (done(target, st)) {
                leave(target, st, ev.ts());
            } else {
                place(target);
            }
            return true;
        }
        return false;
    }

    /** AND: every element that is not absent has its event; OR: one has. */
    private boolean done(Partial p, Step st) {
        if (!st.and) {
            return p.bound[st.element] != null || p.bound[st.right] != null;
        }
        return (input.elements().get(st.element).absent() || p.bound[st.element] != null)
                && (input.elements().get(st.right).absent() || p.bound[st.right] != null);
    }

    /** A partial match stays where it is (the event did not move it). */
    private void stay(Partial p) {
        if (p.step < processing) {
            newcomers.add(p);
        } else {
            state.lists.add(p);
        }
    }

    private boolean absent(Partial p, Step st, Candidate ev, int stream) {
        if (streamOf[st.element] != stream || !matches(p, st.element, ev)) {
            return false;
        }
        if (!p.started() && st.index == 0) {
            // nothing before: the quiet period starts again after the unwanted event
            p.deadline = Partial.NONE;
            enter(p, ev.ts());
            stay(p);
        } else {
            discard(p, null, stream);
        }
        return true;
    }

    private boolean matches(Partial p, int element, Candidate candidate) {
        Expr filter = filters[element];
        if (filter == null) {
            return true;
        }
        if (ownOnly[element]) {
            ctx.bind(candidate.data, candidate.ts());
        } else {
            rows.fill(p, scratch, element, candidate.data, filterExtras[element]);
            ctx.bind(scratch, candidate.ts());
        }
        return filter.evalBool(ctx);
    }

    private void bind(Partial p, int element, Candidate ev, boolean counted) {
        if (!p.started()) {
            p.begin = state.nextBegin++;
        }
        p.bind(element, ev.ev(), counted, state.seq);
    }

    /** The partial match completed step {@code st} at {@code time}: next step, or a complete match. */
    private void leave(Partial p, Step st, long time) {
        restartGroups(st, p);
        if (st.index + 1 == program.size()) {
            complete(p, time);
            return;
        }
        p.step = st.index + 1;
        p.deadline = Partial.NONE;
        enter(p, time);
        place(p);
    }

    /** EVERY (group) ending at this step: a fresh partial match waits at the group's start again. */
    private void restartGroups(Step st, Partial p) {
        for (int start : st.restartOnLeave) {
            newcomers.add(rewound(p, start));
        }
    }

    /** A partial match waiting at step {@code start}, keeping what {@code p} bound before it. */
    private Partial rewound(Partial p, int start) {
        Partial w = new Partial(p.bound.length);
        boolean any = false;
        for (int k = 0; k < p.bound.length; k++) {
            if (program.stepOf(k) < start && p.bound[k] != null) {
                w.bound[k] = p.copy().bound[k];
                any = true;
            }
        }
        w.step = start;
        if (any) {
            w.startTs = p.startTs;
            w.startSeq = p.startSeq;
            w.begin = p.begin;
        }
        enter(w, lastTime(p));
        return w;
    }

    private static long lastTime(Partial p) {
        long t = Partial.NONE;
        for (int k = 0; k < p.bound.length; k++) {
            Partial.Ev e = p.last(k);
            if (e != null && e.ts() > t) {
                t = e.ts();
            }
        }
        return t;
    }

    /** Arriving at a step: an absent step starts its quiet period. */
    private void enter(Partial p, long time) {
        Step st = program.step(p.step);
        if (st.kind == Kind.ABSENT && p.deadline == Partial.NONE && time != Partial.NONE) {
            p.deadline = time + st.forMillis;
            scheduler.schedule(p.deadline);
        }
    }

    /**
     * Matches that began with this event go after all older ones; a match moved back to a step this event
     * has yet to visit waits until the event is done (it must not see the event twice).
     */
    private void place(Partial p) {
        if (p.begin != Partial.NONE && p.begin >= eventBegin || p.step < processing) {
            newcomers.add(p);
        } else {
            state.lists.add(p);
        }
    }

    /** Drops a partial match; an EVERY group it was inside waits at its start again. */
    private void discard(Partial p, Candidate ev, int stream) {
        Step st = program.step(p.step);
        int start = st.groupStart;
        if (start < 0 && !state.completedOnce && !program.step(0).forkOnEntry && p.started() && !waiting()) {
            start = 0; // a pattern without EVERY matches once: until it has, a dead attempt makes way for another
        }
        if (start >= 0) {
            Partial w = rewound(p, start);
            if (ev == null || !offer(w, ev, stream)) {
                place(w);
            }
        }
    }

    /** Whether a partial match already waits, with nothing bound, at the first step. */
    private boolean waiting() {
        for (List<Partial> list : List.of(state.lists.all(), newcomers)) {
            for (Partial q : list) {
                if (q.step == 0 && !q.started()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void complete(Partial p, long time) {
        state.completedOnce = true;
        Object[] row = new Object[rows.width()];
        rows.fill(p, row, -1, null);
        completed.add(new Completed(p.begin, completed.size(), new Event(time, row)));
    }

    /** Newcomers join the lists; the bound on partial matches applies. */
    private void settle() {
        int n = newcomers.size();
        if (n > 0) {
            for (int i = 0; i < n; i++) {
                state.lists.add(newcomers.get(i));
            }
            newcomers.clear();
        }
        if (maxPartialMatches > 0) {
            bound();
        }
    }

    /** {@code pattern.max.partial.matches}: the partial matches with the oldest first events go. */
    private void bound() {
        int max = maxPartialMatches;
        if (state.lists.size() <= max) {
            return;
        }
        for (int excess = state.lists.startedCount() - max; excess > 0; excess--) {
            state.lists.removeOldest();
            state.dropped++;
            if (Long.bitCount(state.dropped) == 1) {
                LOG.log(System.Logger.Level.WARNING, "pattern: {0} partial match(es) dropped so far by "
                        + "pattern.max.partial.matches = {1}", state.dropped, max);
            }
        }
    }

    /** WITHIN: drops the partial matches the event (or timer) at {@code now} shows cannot complete. */
    private void expire(long now, boolean arrival) {
        if (withinMillis <= 0 && (withinEvents <= 0 || !arrival)) {
            return;
        }
        expireNow = now;
        expireOnArrival = arrival;
        state.lists.expire(expiry);
        settle();
    }

    /** WITHIN, as asked by {@link StepLists#expire} about the time and kind set by {@link #expire(long, boolean)}. */
    private final class Within implements StepLists.Expiry {
        @Override
        public boolean expired(Partial p) {
            return withinMillis > 0 && expireNow - p.startTs > withinMillis
                    || expireOnArrival && withinEvents > 0 && state.seq - p.startSeq + 1 > withinEvents;
        }

        @Override
        public void removed(Partial p) {
            discard(p, null, -1);
        }
    }

    private void emitCompleted() {
        if (completed.isEmpty()) {
            return;
        }
        completed.sort((a, b) -> a.begin != b.begin ? Long.compare(a.begin, b.begin) : Long.compare(a.order, b.order));
        for (Completed c : completed) {
            out.add(c.row());
        }
        completed.clear();
    }

    private void flush() {
        if (out.isEmpty()) {
            return;
        }
        try {
            query.process(out);
        } finally {
            out.clear();
        }
    }

    // ------------------------------------------------------------------ timers

    @Override
    public void onTimer(long time) {
        expire(time, false);
        eventBegin = state.nextBegin;
        for (int j = program.size() - 1; j >= 0; j--) {
            Step st = program.step(j);
            if (st.kind != Kind.ABSENT || state.lists.isEmpty(j)) {
                continue;
            }
            processing = j;
            ArrayList<Partial> visiting = state.lists.detach(j);
            for (Partial p : visiting) {
                if (p.deadline != Partial.NONE && p.deadline <= time) {
                    leave(p, st, p.deadline);
                } else {
                    state.lists.add(p);
                }
            }
            visiting.clear();
        }
        processing = -1;
        settle();
        emitCompleted();
        flush();
    }

    // ------------------------------------------------------------------ state

    @Override
    public Serializable snapshot() {
        return state.snapshot();
    }

    @Override
    public void restore(Serializable snapshot) {
        state = PatternState.restore((PatternState.State) snapshot, program.size(), scheduler);
    }
}
