package io.eventflux.engine.internal.trigger;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Stateful;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.time.OperatorScheduler;
import io.eventflux.engine.internal.time.TimeKeeper;
import io.eventflux.engine.internal.time.TimerTarget;
import io.eventflux.sql.plan.TriggerPlan;
import java.io.Serializable;

/**
 * {@code CREATE TRIGGER}: sends {@code (triggered_time)} into its stream, stamped with the firing time,
 * through the app's timer service (so it works in wall-clock and playback time alike). AT START fires at
 * the app's start time; AT EVERY d first fires one period after it; AT CRON at every match after it.
 * A snapshot keeps whether it started and its next firing, so a restored app keeps the same grid.
 */
public final class TriggerRuntime implements TimerTarget, Stateful {
    private static final long NONE = Long.MIN_VALUE;

    private final TriggerPlan plan;
    private final StreamJunction junction;
    private final OperatorScheduler scheduler;
    private final CronSchedule cron;
    private boolean started;
    private long next = NONE;

    /** @throws IllegalArgumentException for an invalid cron expression */
    public TriggerRuntime(TriggerPlan plan, StreamJunction junction, TimeKeeper time) {
        this.plan = plan;
        this.junction = junction;
        this.cron = plan.kind() == TriggerPlan.Kind.CRON ? CronSchedule.parse(plan.cron()) : null;
        this.scheduler = time.timers().newScheduler();
        scheduler.bind(this);
        time.onStart(this::start);
    }

    private void start(long time) {
        if (started) {
            return; // restored from a snapshot
        }
        started = true;
        if (plan.kind() == TriggerPlan.Kind.START) {
            emit(time);
        } else {
            scheduleAfter(time);
        }
    }

    @Override
    public void onTimer(long time) {
        if (time != next) {
            return;
        }
        next = NONE;
        emit(time);
        scheduleAfter(time);
    }

    private void scheduleAfter(long time) {
        long t = cron != null ? cron.nextAfter(time) : time + plan.periodMillis();
        if (t != Long.MAX_VALUE) {
            next = t;
            scheduler.schedule(t);
        }
    }

    private void emit(long time) {
        EventChunk chunk = new EventChunk(1);
        chunk.add(new Event(time, new Object[] {time}));
        junction.publish(chunk);
    }

    @Override
    public Serializable snapshot() {
        return new long[] {started ? 1 : 0, next};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof long[] s) || s.length != 2) {
            throw new IllegalArgumentException("not a snapshot of trigger " + plan.name() + ": " + state);
        }
        started = s[0] == 1;
        next = s[1];
        if (next != NONE) {
            scheduler.schedule(next);
        }
    }
}
