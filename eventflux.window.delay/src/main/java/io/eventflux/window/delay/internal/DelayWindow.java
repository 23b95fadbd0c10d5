package io.eventflux.window.delay.internal;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.api.window.WindowContext;
import io.eventflux.extension.support.window.EventArrays;
import io.eventflux.extension.support.window.TimedEventQueue;
import java.io.Serializable;
import java.util.Collection;

/**
 * Holds each event until {@code timestamp + delay}, then reports it current, stamped with that release
 * time (SQL.md 3.2); an arrival reports nothing. Held events are released by a timer and on every
 * arrival (before the arrival is held), so nothing depends on a timer firing exactly. Events are
 * released in arrival order: a late event (stamped earlier than one held before it) waits for that one
 * and is then released at once, still stamped with its own release time. Nothing is reported expired.
 *
 * <p>At most one timer is outstanding: for the oldest held event (see {@link TimedEventQueue}).
 */
final class DelayWindow implements Window {
    private static final TimedEventQueue.Departure RELEASE =
            (event, at, out) -> out.current(event.withTimestamp(at));

    private final Clock clock;
    /** Events waiting for release, in arrival order. */
    private final TimedEventQueue held;

    DelayWindow(long delay, WindowContext context) {
        this.clock = context.clock();
        this.held = new TimedEventQueue(delay, RELEASE, context.scheduler());
    }

    @Override
    public void process(Event event, WindowCollector out) {
        held.releaseUpTo(Math.max(clock.now(), event.timestamp()), out);
        held.addLast(event);
        held.ensureTimer();
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        held.onTimer(time, out);
    }

    /** The events waiting for release, oldest first: a read-only view, valid until the next call. */
    @Override
    public Collection<Event> contents() {
        return held.view();
    }

    @Override
    public Serializable snapshot() {
        return held.snapshot();
    }

    /** Puts the waiting events back and asks this instance's scheduler for the next release. */
    @Override
    public void restore(Serializable state) {
        held.restore(EventArrays.decode(state));
    }
}
