package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Stateful;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.time.OperatorScheduler;
import io.eventflux.engine.internal.time.TimerTarget;
import io.eventflux.sql.plan.RateLimitPlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * {@code OUTPUT ALL | FIRST | LAST EVERY n EVENTS | d} (SQL.md 3.7). A period is n rows of the query (all
 * groups together) or d of time on a timer grid that starts when the query starts. FIRST emits a row at
 * once when it is the first of its period (per group with GROUP BY); LAST emits the period's last row
 * (the last of each group, in order of first appearance) at the period's end; ALL emits the period's rows
 * at its end. Held rows keep their own timestamps. Shutdown flushes a partial period.
 *
 * <p>Time periods: the timer of a period's end fires before the other timers due at that time, so rows
 * made at the end time belong to the next period, as events stamped with it do. Periods in which no row
 * can arrive are skipped (the timer jumps ahead on the same grid), but never past the next pending
 * timer of the app, which may make rows. The next period end is part of the state, so a restored app
 * keeps the grid of the app that took the snapshot.
 */
final class RateLimiter implements RowSink, Stateful, TimerTarget {
    @Override
    public boolean needsGroupKeys() {
        return true;
    }

    private enum NullKey { INSTANCE }

    private static final long NONE = Long.MIN_VALUE;

    private final RateLimitPlan.Mode mode;
    private final long periodEvents;
    private final long periodMillis;
    private final boolean grouped;
    private final StreamJunction target;
    private final OperatorScheduler scheduler;
    private final LongSupplier horizon;
    private final EventChunk out = new EventChunk(8);
    private final List<Event> held = new ArrayList<>();
    private final LinkedHashMap<Object, Event> lastByGroup = new LinkedHashMap<>();
    private final Set<Object> seen = new HashSet<>();
    private Event last;
    private boolean firstSeen;
    private long count;
    /** The end of the current time period (its timer is pending), or NONE before the query starts. */
    private long nextDue = NONE;

    /**
     * @param horizon the latest time up to which no row can arrive but from the timer itself: the time the
     *     app is moving to, or the next pending timer of the app if earlier (idle periods are skipped up to it)
     */
    RateLimiter(RateLimitPlan plan, boolean grouped, StreamJunction target, OperatorScheduler scheduler,
            LongSupplier horizon) {
        if (plan.mode() == RateLimitPlan.Mode.SNAPSHOT) {
            throw new IllegalStateException("OUTPUT SNAPSHOT is emitted by a SnapshotEmitter, not a RateLimiter");
        }
        if (plan.events() <= 0 && plan.millis() <= 0) {
            throw new IllegalStateException("rate limit without a period: " + plan);
        }
        this.mode = plan.mode();
        this.periodEvents = plan.isTimeBased() ? 0 : plan.events();
        this.periodMillis = plan.isTimeBased() ? plan.millis() : 0;
        this.grouped = grouped;
        this.target = target;
        this.scheduler = scheduler;
        this.horizon = horizon;
        if (scheduler != null) {
            scheduler.bind(this);
        }
    }

    boolean isTimeBased() {
        return periodMillis > 0;
    }

    /** The query started at {@code time}: the first period ends at {@code time + d}. */
    void start(long time) {
        if (nextDue == NONE) { // a restored state brought its own grid
            nextDue = time + periodMillis;
            scheduler.schedule(nextDue);
        }
    }

    @Override
    public void accept(RowBuffer rows) {
        for (int i = 0; i < rows.size(); i++) {
            Event e = rows.event(i);
            switch (mode) {
                case ALL -> held.add(e);
                case FIRST -> {
                    if (grouped ? seen.add(key(rows.groupKey(i))) : !firstSeen) {
                        firstSeen = true;
                        out.add(e);
                    }
                }
                default -> {
                    if (grouped) {
                        lastByGroup.put(key(rows.groupKey(i)), e);
                    } else {
                        last = e;
                    }
                }
            }
            if (periodEvents > 0 && ++count >= periodEvents) {
                endPeriod();
            }
        }
        publish();
    }

    private static Object key(Object k) {
        return k == null ? NullKey.INSTANCE : k;
    }

    @Override
    public void onTimer(long time) {
        if (time != nextDue) {
            return; // left behind by a restore
        }
        endPeriod();
        publish();
        long next = time + periodMillis;
        long until = horizon.getAsLong();
        if (next < until) {
            next += ((until - next) / periodMillis) * periodMillis;
        }
        nextDue = next;
        scheduler.schedule(next);
    }

    @Override
    public void flushOnShutdown() {
        if (mode != RateLimitPlan.Mode.FIRST) {
            endPeriod();
        }
        publish();
    }

    private void endPeriod() {
        count = 0;
        switch (mode) {
            case ALL -> {
                for (Event e : held) {
                    out.add(e);
                }
                held.clear();
            }
            case FIRST -> {
                seen.clear();
                firstSeen = false;
            }
            default -> {
                if (grouped) {
                    for (Event e : lastByGroup.values()) {
                        out.add(e);
                    }
                    lastByGroup.clear();
                } else if (last != null) {
                    out.add(last);
                    last = null;
                }
            }
        }
    }

    private void publish() {
        if (!out.isEmpty()) {
            try {
                target.publish(out);
            } finally {
                out.clear();
            }
        }
    }

    // ---- snapshots

    record State(long count, ArrayList<EventData> held, LinkedHashMap<Object, EventData> lastByGroup,
            HashSet<Object> seen, EventData last, boolean firstSeen, long nextDue) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Serializable snapshot() {
        LinkedHashMap<Object, EventData> lbg = new LinkedHashMap<>();
        lastByGroup.forEach((k, v) -> lbg.put(k, EventData.of(v)));
        return new State(count, EventData.all(held), lbg, new HashSet<>(seen), EventData.of(last), firstSeen,
                nextDue);
    }

    @Override
    public void restore(Serializable state) {
        State s = (State) state;
        count = s.count();
        EventData.restoreInto(s.held(), held);
        lastByGroup.clear();
        s.lastByGroup().forEach((k, v) -> lastByGroup.put(k, v.toEvent()));
        seen.clear();
        seen.addAll(s.seen());
        last = s.last() == null ? null : s.last().toEvent();
        firstSeen = s.firstSeen();
        if (scheduler != null && s.nextDue() != NONE) {
            nextDue = s.nextDue();
            scheduler.schedule(nextDue);
        }
    }
}
