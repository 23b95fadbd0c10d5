package io.eventflux.window.time.internal;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.api.window.WindowContext;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;

/**
 * The events of the last {@code duration} ms. An event expires at {@code timestamp + duration} and is
 * reported expired stamped with that time. Expiry is checked by a timer and on every arrival (before
 * the arrival is reported), so nothing depends on a timer firing exactly.
 *
 * <p>At most one timer is outstanding: for the oldest held event. When it fires, the next one is
 * scheduled for the new oldest. A timer that is no longer needed (its event already expired on an
 * arrival) fires harmlessly.
 */
final class TimeWindow implements Window {
    private static final long NONE = Long.MIN_VALUE;

    private final long duration;
    private final Clock clock;
    private final Scheduler scheduler;
    private ArrayDeque<Event> held = new ArrayDeque<>();
    /** The time of the timer asked for and not fired yet, or NONE. */
    private long pendingTimer = NONE;

    TimeWindow(long duration, WindowContext context) {
        this.duration = duration;
        this.clock = context.clock();
        this.scheduler = context.scheduler();
    }

    @Override
    public void process(Event event, WindowCollector out) {
        // The later of the clock and the event's own time: in playback they agree; with the wall
        // clock an event stamped in the past must not keep events that are already due alive.
        expireUpTo(Math.max(clock.now(), event.timestamp()), out);
        held.addLast(event);
        out.current(event);
        ensureTimer();
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        if (time >= pendingTimer) {
            pendingTimer = NONE;
        }
        expireUpTo(time, out);
        ensureTimer();
    }

    private void expireUpTo(long now, WindowCollector out) {
        while (!held.isEmpty()) {
            long expiresAt = expiryOf(held.peekFirst());
            if (expiresAt > now) {
                return;
            }
            out.expired(held.pollFirst().asExpired(expiresAt));
        }
    }

    private void ensureTimer() {
        if (pendingTimer == NONE && !held.isEmpty()) {
            pendingTimer = expiryOf(held.peekFirst());
            scheduler.schedule(pendingTimer);
        }
    }

    private long expiryOf(Event event) {
        long ts = event.timestamp();
        return ts > Long.MAX_VALUE - duration ? Long.MAX_VALUE : ts + duration;
    }

    /** A read-only view of the held events, oldest first; valid until the next call on this window. */
    @Override
    public Collection<Event> contents() {
        return Collections.unmodifiableCollection(held);
    }

    @Override
    public Serializable snapshot() {
        return EventArrays.encode(held);
    }

    /** Puts the events back and asks this instance's scheduler for the timer of the oldest one. */
    @Override
    public void restore(Serializable state) {
        held = EventArrays.decode(state);
        pendingTimer = NONE;
        ensureTimer();
    }
}
