package io.eventflux.window.timelength.internal;

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
 * The events of the last {@code duration} ms, at most {@code size} of them. An event leaves at
 * {@code timestamp + duration} (reported expired with that time, by a timer or on the next arrival),
 * or earlier when it is the oldest and the window is full as another arrives (reported expired with the
 * arrival's time, before the arrival is reported current).
 *
 * <p>At most one timer is outstanding: for the oldest held event.
 */
final class TimeLengthWindow implements Window {
    private static final long NONE = Long.MIN_VALUE;
    private static final int MAX_INITIAL_CAPACITY = 1024;

    private final long duration;
    private final int size;
    private final Clock clock;
    private final Scheduler scheduler;
    private ArrayDeque<Event> held;
    /** The time of the timer asked for and not fired yet, or NONE. */
    private long pendingTimer = NONE;

    TimeLengthWindow(TimeLengthWindowDefinition definition, WindowContext context) {
        this.duration = definition.duration();
        this.size = definition.size();
        this.clock = context.clock();
        this.scheduler = context.scheduler();
        this.held = new ArrayDeque<>(Math.min(size, MAX_INITIAL_CAPACITY));
    }

    @Override
    public void process(Event event, WindowCollector out) {
        expireUpTo(Math.max(clock.now(), event.timestamp()), out);
        if (held.size() == size) {
            out.expired(held.pollFirst().asExpired(event.timestamp()));
        }
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

    /**
     * Keeps one timer for the oldest event. A count-based expiry can leave that timer pointing at an
     * event already gone; it then fires harmlessly and the next one is asked for.
     */
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
        ArrayDeque<Event> restored = EventArrays.decode(state);
        if (restored.size() > size) {
            throw new IllegalArgumentException("snapshot holds " + restored.size()
                    + " events, more than the window size " + size);
        }
        held = restored;
        pendingTimer = NONE;
        ensureTimer();
    }
}
