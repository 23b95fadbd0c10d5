package io.eventflux.window.time.internal;

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
 * The events of the last {@code duration} ms. An event expires at {@code timestamp + duration} and is
 * reported expired stamped with that time. Expiry is checked by a timer and on every arrival (before
 * the arrival is reported), so nothing depends on a timer firing exactly.
 *
 * <p>At most one timer is outstanding: for the oldest held event (see {@link TimedEventQueue}). When it
 * fires, the next one is scheduled for the new oldest. A timer that is no longer needed (its event
 * already expired on an arrival) fires harmlessly.
 */
final class TimeWindow implements Window {
    private static final TimedEventQueue.Departure EXPIRE = (event, at, out) -> out.expired(event.asExpired(at));

    private final Clock clock;
    private final TimedEventQueue held;

    TimeWindow(long duration, WindowContext context) {
        this.clock = context.clock();
        this.held = new TimedEventQueue(duration, EXPIRE, context.scheduler());
    }

    @Override
    public void process(Event event, WindowCollector out) {
        // The later of the clock and the event's own time: in playback they agree; with the wall
        // clock an event stamped in the past must not keep events that are already due alive.
        held.releaseUpTo(Math.max(clock.now(), event.timestamp()), out);
        held.addLast(event);
        out.current(event);
        held.ensureTimer();
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        held.onTimer(time, out);
    }

    /** A read-only view of the held events, oldest first; valid until the next call on this window. */
    @Override
    public Collection<Event> contents() {
        return held.view();
    }

    @Override
    public Serializable snapshot() {
        return held.snapshot();
    }

    /** Puts the events back and asks this instance's scheduler for the timer of the oldest one. */
    @Override
    public void restore(Serializable state) {
        held.restore(EventArrays.decode(state));
    }
}
