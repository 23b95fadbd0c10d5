package io.eventflux.window.delay.internal;

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
 * Holds each event until {@code timestamp + delay}, then reports it current, stamped with that release
 * time (SQL.md 3.2); an arrival reports nothing. Held events are released by a timer and on every
 * arrival (before the arrival is held), so nothing depends on a timer firing exactly. Events are
 * released in arrival order: a late event (stamped earlier than one held before it) waits for that one
 * and is then released at once, still stamped with its own release time. Nothing is reported expired.
 *
 * <p>At most one timer is outstanding: for the oldest held event.
 */
final class DelayWindow implements Window {
    private static final long NONE = Long.MIN_VALUE;

    private final long delay;
    private final Clock clock;
    private final Scheduler scheduler;
    /** Events waiting for release, in arrival order. */
    private ArrayDeque<Event> held = new ArrayDeque<>();
    /** The time of the timer asked for and not fired yet, or NONE. */
    private long pendingTimer = NONE;

    DelayWindow(long delay, WindowContext context) {
        this.delay = delay;
        this.clock = context.clock();
        this.scheduler = context.scheduler();
    }

    @Override
    public void process(Event event, WindowCollector out) {
        releaseUpTo(Math.max(clock.now(), event.timestamp()), out);
        held.addLast(event);
        ensureTimer();
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        if (time >= pendingTimer) {
            pendingTimer = NONE;
        }
        releaseUpTo(time, out);
        ensureTimer();
    }

    private void releaseUpTo(long now, WindowCollector out) {
        while (!held.isEmpty()) {
            long releaseAt = releaseTimeOf(held.peekFirst());
            if (releaseAt > now) {
                return;
            }
            out.current(held.pollFirst().withTimestamp(releaseAt));
        }
    }

    private void ensureTimer() {
        if (pendingTimer == NONE && !held.isEmpty()) {
            pendingTimer = releaseTimeOf(held.peekFirst());
            scheduler.schedule(pendingTimer);
        }
    }

    private long releaseTimeOf(Event event) {
        long ts = event.timestamp();
        return ts > Long.MAX_VALUE - delay ? Long.MAX_VALUE : ts + delay;
    }

    /** The events waiting for release, oldest first: a read-only view, valid until the next call. */
    @Override
    public Collection<Event> contents() {
        return Collections.unmodifiableCollection(held);
    }

    @Override
    public Serializable snapshot() {
        return EventArrays.encode(held);
    }

    /** Puts the waiting events back and asks this instance's scheduler for the next release. */
    @Override
    public void restore(Serializable state) {
        held = EventArrays.decode(state);
        pendingTimer = NONE;
        ensureTimer();
    }
}
