package io.eventflux.engine.internal.query;

import io.eventflux.api.extension.Stateful;
import io.eventflux.engine.internal.time.OperatorScheduler;
import io.eventflux.engine.internal.time.TimerTarget;
import java.io.Serializable;
import java.util.function.LongSupplier;

/**
 * {@code OUTPUT SNAPSHOT EVERY d} (SQL.md 3.7): at the end of every period, on a timer grid that starts
 * when the query starts, the selector emits the query's current state stamped with the timer's time. The
 * timer fires after every other timer due at that time, so the snapshot sees what those did (an event
 * expiring at T is gone from a snapshot at T).
 *
 * <p>When a snapshot is empty, only an event or another pending timer (a batch window's flush) can fill
 * the state, so the timer skips the empty periods up to the time the app is moving to, but never past
 * the next pending timer. The next period end is the state, so a restored app keeps the grid of the app
 * that took the snapshot (timers are not in snapshots: the restore schedules it again).
 */
final class SnapshotEmitter implements TimerTarget, Stateful {
    private static final long NONE = Long.MIN_VALUE;

    private final long periodMillis;
    private final Selector selector;
    private final WindowStage window;
    private final OperatorScheduler scheduler;
    private final LongSupplier horizon;
    private long nextDue = NONE;

    /**
     * @param window the query's window, or null without one
     * @param horizon as for {@link RateLimiter}
     */
    SnapshotEmitter(long periodMillis, Selector selector, WindowStage window, OperatorScheduler scheduler,
            LongSupplier horizon) {
        if (periodMillis <= 0) {
            throw new IllegalStateException("OUTPUT SNAPSHOT needs a positive time period, was " + periodMillis);
        }
        this.periodMillis = periodMillis;
        this.selector = selector;
        this.window = window;
        this.scheduler = scheduler;
        this.horizon = horizon;
        scheduler.bind(this);
    }

    /** The query started at {@code time}: the first snapshot is at {@code time + d}. */
    void start(long time) {
        if (nextDue == NONE) { // a restored state brought its own grid
            schedule(time + periodMillis);
        }
    }

    @Override
    public void onTimer(long time) {
        if (time != nextDue) {
            return; // left behind by a restore
        }
        boolean emitted = selector.emitSnapshot(time, window == null ? null : window.contents());
        long next = time + periodMillis;
        long until = horizon.getAsLong();
        if (!emitted && next < until) {
            next += ((until - next) / periodMillis) * periodMillis;
        }
        schedule(next);
    }

    private void schedule(long time) {
        nextDue = time;
        scheduler.schedule(time);
    }

    @Override
    public Serializable snapshot() {
        return nextDue;
    }

    @Override
    public void restore(Serializable state) {
        long due = (Long) state;
        if (due != NONE) {
            schedule(due);
        }
    }
}
