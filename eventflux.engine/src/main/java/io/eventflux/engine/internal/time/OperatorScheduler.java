package io.eventflux.engine.internal.time;

import io.eventflux.api.extension.Scheduler;
import java.util.HashSet;
import java.util.Set;

/** The timers of one operator instance; scheduling a time that is already pending does nothing. */
public final class OperatorScheduler implements Scheduler {
    private final TimerQueue queue;
    private final TimerQueue.Order order;
    private final long id;
    private final Set<Long> pending = new HashSet<>();
    private TimerTarget target;
    private boolean cancelled;

    OperatorScheduler(TimerQueue queue, TimerQueue.Order order, long id) {
        this.queue = queue;
        this.order = order;
        this.id = id;
    }

    /** Which of the timers due at one time (and of one order) fire first: the lower id. */
    long id() {
        return id;
    }

    TimerQueue.Order order() {
        return order;
    }

    /** Sets who receives the timers (build time, before the app starts). */
    public void bind(TimerTarget newTarget) {
        this.target = newTarget;
    }

    /**
     * Stops this scheduler for good (its operator is gone, e.g. a purged partition key): pending timers
     * fire into nothing and new ones are ignored.
     */
    public void cancel() {
        cancelled = true;
        target = null;
        pending.clear();
    }

    @Override
    public void schedule(long time) {
        if (!cancelled && pending.add(time)) {
            queue.add(this, time);
        }
    }

    void fire(long time) {
        pending.remove(time);
        if (target != null) {
            target.onTimer(time);
        }
    }
}
