package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.extension.Stateful;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.Values;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SELECT of one query instance (SQL.md 3.1, 3.2): projection, aggregation per group, HAVING, and per
 * chunk DISTINCT, ORDER BY, OFFSET and LIMIT.
 *
 * <ul>
 *   <li>Sliding window or none: every window step (one arrival with the departures it caused, or one
 *       timer) first updates the aggregates, then produces a row for each reported event the query emits
 *       (CURRENT and/or EXPIRED), with its group's aggregates, stamped with that event's time.</li>
 *   <li>Batch window: at each flush, with aggregates, one row per group of the batch's current events
 *       (aggregators reset per batch), in order of first appearance, stamped with the flush time, built
 *       from the group's last event; the expired batch likewise (marked expired) before them. Without
 *       aggregates, the expired events then the current events in arrival order, each with its own
 *       time. A flush is one chunk. An empty batch emits nothing.</li>
 * </ul>
 *
 * <p>{@code OUTPUT SNAPSHOT} ({@link #emitSnapshot}): the regular rows are not produced; instead, every
 * period, one chunk holds the current state, each row stamped with the timer's time. With aggregates:
 * one row per group the state holds now (without a window every group seen; with a sliding window the
 * groups with events in the window; with a batch window the groups of the last flushed batch), built from
 * the group's latest event and carrying its aggregates; without GROUP BY that is one row. Without
 * aggregates: the window's contents, oldest first, or without a window the latest row of each group.
 */
final class Selector implements Stateful {
    private enum NullKey { INSTANCE }

    /** The group of a query without GROUP BY, in snapshots. */
    private enum SingleKey { INSTANCE }

    /** What state an {@code OUTPUT SNAPSHOT} query reports, by the kind of its window. */
    enum SnapshotView { NONE, NO_WINDOW, SLIDING, BATCH }

    /** What a selector needs; built by {@link QueryBuilder}. */
    record Spec(Expr[] columns, Expr having, Expr[] groupBy, Expr[] orderKeys, boolean[] descending, long offset,
            long limit, boolean distinct, Expr[] aggregateArguments, AggregatorDefinition[] aggregates,
            boolean emitCurrent, boolean emitExpired, SnapshotView snapshot) {
    }

    private final EvalContext ctx;
    private final Spec spec;
    private final Expr[] columns;
    private final Expr[] aggArgs;
    private final boolean aggregating;
    private final boolean grouped;
    private final boolean emitCurrent;
    private final boolean emitExpired;
    private final SnapshotView snapshotView;
    private final boolean tracking;
    private final Comparator<Object[]> order;
    private final RowSink sink;
    /** Whether rows carry their group key (only a rate limiter per group reads it). */
    private final boolean keyedRows;
    /** Whether HAVING or ORDER BY read the output row ({@link EvalContext#output}). */
    private final boolean readsOutput;
    /** The rows a sliding window's step emits, produced when the step ends ({@link #endStep}). */
    private final StepBuffer emitted = new StepBuffer();
    private final RowBuffer rows = new RowBuffer();
    /** In order of first appearance (snapshot rows come in that order). */
    private final Map<Object, Group> groups = new LinkedHashMap<>();
    private Group single;
    private final List<Event> pendingCurrent = new ArrayList<>();
    private final List<Event> pendingExpired = new ArrayList<>();
    private final List<Group> touched = new ArrayList<>();
    /** OUTPUT SNAPSHOT over a batch window: the groups of the last flushed batch. */
    private final List<Group> lastBatch = new ArrayList<>();
    private long epoch;

    Selector(EvalContext ctx, Spec spec, RowSink sink) {
        this.ctx = ctx;
        this.spec = spec;
        this.columns = spec.columns();
        this.aggArgs = spec.aggregateArguments();
        this.aggregating = spec.aggregates().length > 0;
        this.grouped = spec.groupBy().length > 0;
        this.emitCurrent = spec.emitCurrent();
        this.emitExpired = spec.emitExpired();
        this.snapshotView = spec.snapshot();
        this.tracking = snapshotView != SnapshotView.NONE;
        this.order = spec.orderKeys().length == 0 ? null : comparator(spec.descending());
        this.sink = sink;
        this.keyedRows = grouped && sink.needsGroupKeys();
        this.readsOutput = spec.having() != null || order != null;
    }

    private static Comparator<Object[]> comparator(boolean[] descending) {
        return (a, b) -> {
            for (int k = 0; k < descending.length; k++) {
                int c;
                try {
                    c = Values.compareNullsFirst(a[k], b[k]);
                } catch (IllegalArgumentException e) {
                    c = String.valueOf(a[k]).compareTo(String.valueOf(b[k]));
                }
                if (c != 0) {
                    return descending[k] ? -c : c;
                }
            }
            return 0;
        };
    }

    /**
     * Whether an arrival without a window leaves nothing behind that holds the input event or its time
     * (no aggregate, group, or snapshot state): then only the row it produces carries its time.
     */
    boolean keepsNoEvent() {
        return !aggregating && !grouped && !tracking;
    }

    RowSink sink() {
        return sink;
    }

    /** An event arriving without a window: it is current and never expires. */
    void onArrival(Event e, long t) {
        Group g = aggregating || grouped || tracking ? groupOf(e) : null;
        if (tracking) {
            g.lastSeen = e;
        }
        if (aggregating) {
            update(g, e, false);
        }
        if (emitCurrent) {
            produceRow(e.data(), g, false, t, t);
        }
    }

    /** One step of a sliding window. */
    void step(StepBuffer s) {
        int n = s.size;
        if (n == 0) {
            return;
        }
        if (aggregating || grouped) {
            for (int i = 0; i < n; i++) {
                Event e = s.events[i];
                boolean expired = s.expired[i];
                ctx.bind(e.data(), s.times[i]);
                Group g = boundGroup();
                s.groups[i] = g;
                if (aggregating) {
                    update(g, expired);
                    if (tracking) {
                        track(g, e, expired);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            boolean expired = s.expired[i];
            if (expired ? emitExpired : emitCurrent) {
                produceRow(s.events[i].data(), s.groups[i], expired, s.times[i], s.times[i]);
            }
        }
        s.clear();
    }

    /**
     * One event a sliding window reported during its current step (current, or expired at {@code time}):
     * the aggregates take it at once; its row, if the query emits it, is produced by {@link #endStep} once
     * the whole step has updated the aggregates. Only the emitted events are held meanwhile.
     */
    void stepEvent(Event e, boolean expired, long time) {
        Group g = null;
        if (aggregating || grouped) {
            ctx.bind(e.data(), time);
            g = boundGroup();
            if (aggregating) {
                update(g, expired);
                if (tracking) {
                    track(g, e, expired);
                }
            }
        }
        if (expired ? emitExpired : emitCurrent) {
            emitted.add(e, expired, time, g);
        }
    }

    /** The end of a sliding window's step: the rows of its emitted events, in the order reported. */
    void endStep() {
        StepBuffer s = emitted;
        int n = s.size;
        if (n == 0) {
            return;
        }
        try {
            for (int i = 0; i < n; i++) {
                produceRow(s.events[i].data(), s.groups[i], s.expired[i], s.times[i], s.times[i]);
            }
        } finally {
            s.clear();
        }
    }

    /** Discards a step that failed half-way. */
    void abortStep() {
        emitted.clear();
    }

    /**
     * A batch window reported a current event of the batch being built: it waits for {@link #flushBatch}
     * (a batch may span several window calls, and snapshots keep it).
     */
    void batchCurrent(Event e) {
        pendingCurrent.add(e);
    }



    /**
     * A batch window reported an expired event (of the previous batch), departed at {@code at}. Only kept
     * when the query emits expired rows: the aggregates of a batch restart from empty at each flush.
     */
    void batchExpired(Event e, long at) {
        if (emitExpired) {
            pendingExpired.add(e.asExpired(at));
        }
    }

    /** A batch window closed its batch at {@code time}: emits the batch as one chunk. */
    void flushBatch(long time) {
        if (aggregating) {
            if (emitExpired && !pendingExpired.isEmpty()) {
                Map<Object, Group> expiredGroups = new LinkedHashMap<>();
                for (Event e : pendingExpired) {
                    ctx.bind(e.data(), e.timestamp());
                    Object key = grouped ? key() : NullKey.INSTANCE;
                    Group g = expiredGroups.computeIfAbsent(key, k -> new Group(k, newAggregators()));
                    update(g, e, false);
                    g.last = e;
                }
                for (Group g : expiredGroups.values()) {
                    produceRow(g.last, g, true, time);
                }
            }
            epoch++;
            for (int i = 0, n = pendingCurrent.size(); i < n; i++) {
                Event e = pendingCurrent.get(i);
                ctx.bind(e.data(), e.timestamp());
                Group g = boundGroup();
                if (g.epoch != epoch) {
                    g.reset();
                    g.epoch = epoch;
                    touched.add(g);
                }
                update(g, false);
                // an int, not the event: groups are long-lived, and a stored reference pays the write barrier
                g.lastIndex = i;
            }
            for (Group g : touched) {
                g.last = pendingCurrent.get(g.lastIndex);
            }
            if (emitCurrent) {
                for (Group g : touched) {
                    produceRow(g.last, g, false, time);
                }
            }
            if (tracking) {
                lastBatch.clear();
                lastBatch.addAll(touched);
            }
            for (Group g : touched) {
                g.lastSeen = tracking ? g.last : null;
                g.last = null;
            }
            touched.clear();
        } else {
            if (emitExpired) {
                for (Event e : pendingExpired) {
                    produceRow(e, grouped ? groupOf(e) : null, true, e.timestamp());
                }
            }
            if (emitCurrent) {
                for (Event e : pendingCurrent) {
                    produceRow(e, grouped ? groupOf(e) : null, false, e.timestamp());
                }
            }
        }
        pendingCurrent.clear();
        pendingExpired.clear();
        endChunk();
    }

    private static void track(Group g, Event e, boolean expired) {
        if (expired) {
            g.live--;
        } else {
            g.live++;
            g.lastSeen = e;
        }
    }

    /**
     * OUTPUT SNAPSHOT: emits the current state as one chunk, every row stamped {@code time} (see the class
     * comment). {@code windowContents} is what the query's window holds, or null without a window.
     *
     * @return false when the state is empty (no row, before HAVING)
     */
    boolean emitSnapshot(long time, Collection<Event> windowContents) {
        int rowsMade = 0;
        if (aggregating && snapshotView != SnapshotView.NO_WINDOW) {
            Collection<Group> held = snapshotView == SnapshotView.BATCH ? lastBatch : allGroups();
            for (Group g : held) {
                if (snapshotView == SnapshotView.BATCH || g.live > 0) {
                    produceRow(g.lastSeen, g, false, time);
                    rowsMade++;
                }
            }
        } else if (windowContents != null && !aggregating) {
            for (Event e : windowContents) {
                produceRow(e, grouped ? groupOf(e) : null, false, time);
                rowsMade++;
            }
        } else {
            for (Group g : allGroups()) {
                if (g.lastSeen != null) {
                    produceRow(g.lastSeen, g, false, time);
                    rowsMade++;
                }
            }
        }
        endChunk();
        return rowsMade > 0;
    }

    private Collection<Group> allGroups() {
        if (grouped) {
            return groups.values();
        }
        return single == null ? List.of() : List.of(single);
    }

    /** Ends a chunk: DISTINCT, ORDER BY, OFFSET, LIMIT, then the rows go on. */
    void endChunk() {
        if (rows.size() == 0) {
            return;
        }
        if (spec.distinct()) {
            rows.dedupe();
        }
        if (order != null) {
            rows.sort(order);
        }
        if (spec.offset() > 0 || spec.limit() < Long.MAX_VALUE) {
            rows.slice(spec.offset(), spec.limit());
        }
        try {
            if (rows.size() > 0) {
                sink.accept(rows);
            }
        } finally {
            rows.clear();
        }
    }

    /** Discards the rows of a chunk that failed half-way. */
    void abortChunk() {
        rows.clear();
    }

    private Group groupOf(Event e) {
        if (grouped) {
            ctx.bind(e.data(), e.timestamp());
        }
        return boundGroup();
    }

    /** The group of the event the context is bound to. */
    private Group boundGroup() {
        if (!grouped) {
            if (single == null) {
                single = new Group(null, newAggregators());
            }
            return single;
        }
        Object key = key();
        Group g = groups.get(key);
        if (g == null) {
            g = new Group(key, newAggregators());
            groups.put(key, g);
        }
        return g;
    }

    private Object key() {
        Expr[] by = spec.groupBy();
        if (by.length == 1) {
            Object k = by[0].eval(ctx);
            return k == null ? NullKey.INSTANCE : k;
        }
        Object[] ks = new Object[by.length];
        for (int i = 0; i < by.length; i++) {
            ks[i] = by[i].eval(ctx);
        }
        return Arrays.asList(ks);
    }

    private Aggregator[] newAggregators() {
        AggregatorDefinition[] defs = spec.aggregates();
        Aggregator[] out = new Aggregator[defs.length];
        for (int i = 0; i < defs.length; i++) {
            out[i] = defs[i].create();
        }
        return out;
    }

    private void update(Group g, Event e, boolean remove) {
        ctx.bind(e.data(), e.timestamp());
        update(g, remove);
    }

    /** Feeds the event the context is bound to into the group's aggregators. */
    private void update(Group g, boolean remove) {
        Aggregator[] aggs = g.aggregators;
        for (int k = 0; k < aggs.length; k++) {
            Object v = aggArgs[k] == null ? null : aggArgs[k].eval(ctx);
            if (remove) {
                aggs[k].remove(v);
            } else {
                aggs[k].add(v);
            }
        }
    }

    /**
     * Whether rows can be projected as they come ({@link #projectNow}) instead of a step at a time: no
     * aggregates, no GROUP BY and no state kept for OUTPUT SNAPSHOT, so a step's rows do not depend on
     * one another.
     */
    boolean projectsRowByRow() {
        return !aggregating && !grouped && !tracking;
    }

    /**
     * One row of a step of a {@link #projectsRowByRow()} selector, projected at once; {@code data} is only
     * read during the call (the caller may reuse it).
     */
    void projectNow(Object[] data, long timestamp, boolean expired) {
        if (expired ? emitExpired : emitCurrent) {
            produceRow(data, null, expired, timestamp, timestamp);
        }
    }

    private void produceRow(Event e, Group g, boolean expired, long time) {
        produceRow(e.data(), g, expired, e.timestamp(), time);
    }

    /** A row from an event's data, evaluated at {@code eventTime}, emitted at {@code time}. */
    private void produceRow(Object[] data, Group g, boolean expired, long eventTime, long time) {
        ctx.bind(data, eventTime);
        Aggregator[] aggs = g == null ? null : g.aggregators;
        if (ctx.aggregates != aggs) {
            ctx.aggregates = aggs;
        }
        Object[] out = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            out[i] = columns[i].eval(ctx);
        }
        if (readsOutput) {
            ctx.output = out;
        }
        if (spec.having() != null && !spec.having().evalBool(ctx)) {
            return;
        }
        Object[] sortKey = null;
        if (order != null) {
            Expr[] keys = spec.orderKeys();
            sortKey = new Object[keys.length];
            for (int k = 0; k < keys.length; k++) {
                sortKey[k] = keys[k].eval(ctx);
            }
        }
        rows.add(new Event(time, out, expired), g == null || !keyedRows ? null : g.key, sortKey);
    }

    // ---- snapshots

    /** One group: its aggregators' states and, for OUTPUT SNAPSHOT, its latest event and live count. */
    record GroupState(Serializable[] aggregators, EventData lastSeen, long live) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The snapshot as earlier engines wrote it (still read); snapshots are now {@link #parts()} arrays. */
    record State(LinkedHashMap<Object, GroupState> groups, GroupState single, ArrayList<Object> lastBatch,
            ArrayList<EventData> pendingCurrent, ArrayList<EventData> pendingExpired) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * As a plain tuple of JDK containers, so that an incremental app snapshot can page the groups
         * (a group-by of many keys writes only the pages of the groups that changed).
         */
        Object[] parts() {
            return new Object[] {groups, single, lastBatch, pendingCurrent, pendingExpired};
        }

        @SuppressWarnings("unchecked")
        static State of(Serializable snapshot) {
            if (snapshot instanceof State s) {
                return s;
            }
            if (snapshot instanceof Object[] p && p.length == 5 && p[0] instanceof LinkedHashMap
                    && (p[1] == null || p[1] instanceof GroupState) && p[2] instanceof ArrayList
                    && p[3] instanceof ArrayList && p[4] instanceof ArrayList) {
                return new State((LinkedHashMap<Object, GroupState>) p[0], (GroupState) p[1],
                        (ArrayList<Object>) p[2], (ArrayList<EventData>) p[3], (ArrayList<EventData>) p[4]);
            }
            throw new IllegalArgumentException("not a selector snapshot: " + snapshot);
        }
    }

    @Override
    public Serializable snapshot() {
        LinkedHashMap<Object, GroupState> g = new LinkedHashMap<>();
        for (Map.Entry<Object, Group> e : groups.entrySet()) {
            g.put(e.getKey(), snapshot(e.getValue()));
        }
        ArrayList<Object> batchKeys = new ArrayList<>();
        for (Group b : lastBatch) {
            batchKeys.add(b == single ? SingleKey.INSTANCE : b.key);
        }
        return new State(g, single == null ? null : snapshot(single), batchKeys, EventData.all(pendingCurrent),
                EventData.all(pendingExpired)).parts();
    }

    private static GroupState snapshot(Group group) {
        Aggregator[] aggs = group.aggregators;
        Serializable[] out = new Serializable[aggs.length];
        for (int i = 0; i < aggs.length; i++) {
            out[i] = aggs[i].snapshot();
        }
        return new GroupState(out, EventData.of(group.lastSeen), group.live);
    }

    @Override
    public void restore(Serializable state) {
        State s = State.of(state);
        groups.clear();
        for (Map.Entry<Object, GroupState> e : s.groups().entrySet()) {
            groups.put(e.getKey(), restored(e.getKey(), e.getValue()));
        }
        single = s.single() == null ? null : restored(null, s.single());
        lastBatch.clear();
        for (Object key : s.lastBatch()) {
            lastBatch.add(key == SingleKey.INSTANCE ? single : groups.get(key));
        }
        EventData.restoreInto(s.pendingCurrent(), pendingCurrent);
        EventData.restoreInto(s.pendingExpired(), pendingExpired);
    }

    private Group restored(Object key, GroupState state) {
        Group g = new Group(key, newAggregators());
        Serializable[] states = state.aggregators();
        for (int i = 0; i < states.length; i++) {
            g.aggregators[i].restore(states[i]);
        }
        g.lastSeen = state.lastSeen() == null ? null : state.lastSeen().toEvent();
        g.live = state.live();
        return g;
    }
}
