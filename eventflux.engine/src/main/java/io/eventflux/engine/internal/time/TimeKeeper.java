package io.eventflux.engine.internal.time;

import io.eventflux.api.extension.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Moves an app's time and fires its timers, on the writer thread. Before an event at {@code ts} is
 * processed every timer due at or before {@code ts} fires, earliest first, with the playback clock set
 * to the timer's time; then the clock moves to {@code ts} (never backwards). In wall-clock mode due
 * timers fire against the system time.
 *
 * <p>Start hooks (time-based rate limiters) run once, when the app's time starts: at start in
 * wall-clock mode, at the first event or advance in playback mode.
 */
public final class TimeKeeper {
    private final Clock clock;
    private final PlaybackClock playback;
    private final TimerQueue timers;
    private final List<LongConsumer> startHooks = new ArrayList<>();
    private boolean started;
    private long horizon;

    private TimeKeeper(Clock clock, PlaybackClock playback, TimerQueue.Waker waker) {
        this.clock = clock;
        this.playback = playback;
        this.timers = new TimerQueue(waker);
    }

    /** Event time. */
    public static TimeKeeper playback() {
        PlaybackClock c = new PlaybackClock();
        return new TimeKeeper(c, c, null);
    }

    /** Wall-clock time; {@code waker} is told when the writer must look at the timers again. */
    public static TimeKeeper wall(Clock clock, TimerQueue.Waker waker) {
        return new TimeKeeper(clock, null, waker);
    }

    public Clock clock() {
        return clock;
    }

    public boolean isPlayback() {
        return playback != null;
    }

    public TimerQueue timers() {
        return timers;
    }

    /**
     * Runs {@code hook} with the start time when time starts; once time has started (an operator built
     * later, e.g. a partition's instance for a new key), at once with the current time.
     */
    public void onStart(LongConsumer hook) {
        if (started) {
            hook.accept(clock.now());
        } else {
            startHooks.add(hook);
        }
    }

    /** Wall-clock start (writer thread). */
    public void startWall() {
        if (playback == null && !started) {
            begin(clock.now());
        }
    }

    private void begin(long t) {
        started = true;
        if (playback != null) {
            playback.start(t);
        }
        for (LongConsumer hook : startHooks) {
            hook.accept(t);
        }
    }

    /** Before processing events whose latest timestamp is {@code ts}. */
    public void beforeEvent(long ts) {
        if (playback != null) {
            advanceTo(ts);
        } else if (timers.nextDue() != Long.MAX_VALUE) {
            fireDue(clock.now());
        }
    }

    /** Wall clock: before an event whose time is read later, if at all ({@code StreamJunction.publishNow}). */
    public void beforeWallEvent() {
        if (timers.nextDue() != Long.MAX_VALUE) {
            fireDue(clock.now());
        }
    }

    /** Playback: moves time to {@code t} (if later), firing due timers. */
    public void advanceTo(long t) {
        if (!started) {
            begin(t);
        }
        long target = Math.max(t, playback.now());
        horizon = target;
        TimerQueue.Entry e;
        while ((e = timers.pollDue(target)) != null) {
            playback.moveTo(e.time());
            e.owner().fire(e.time());
        }
        playback.moveTo(target);
    }

    /** Wall clock: a wake-up; fires what is due now and re-arms for the next timer. */
    public void onWake() {
        if (playback != null) {
            return;
        }
        fireDue(clock.now());
        timers.rearm();
    }

    private void fireDue(long now) {
        TimerQueue.Entry e;
        while ((e = timers.pollDue(now)) != null) {
            e.owner().fire(e.time());
        }
    }

    /**
     * The time the app is moving to: while timers fire during an advance, the advance's target (so
     * periodic operators can skip idle periods); otherwise the current time.
     */
    public long horizon() {
        return playback != null ? Math.max(horizon, playback.now()) : clock.now();
    }

    /** Whether time has started. */
    public boolean started() {
        return started;
    }
}
