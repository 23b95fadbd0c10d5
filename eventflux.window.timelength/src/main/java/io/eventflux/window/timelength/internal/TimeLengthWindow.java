package io.eventflux.window.timelength.internal;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.api.window.WindowContext;
import io.eventflux.extension.support.window.EventArrays;
import io.eventflux.extension.support.window.TimedEventQueue;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;

/**
 * The events of the last {@code duration} ms, at most {@code size} of them. An event leaves at
 * {@code timestamp + duration} (reported expired with that time, by a timer or on the next arrival),
 * or earlier when it is the oldest and the window is full as another arrives (reported expired with the
 * arrival's time, before the arrival is reported current).
 *
 * <p>At most one timer is outstanding: for the oldest held event (see {@link TimedEventQueue}). A
 * count-based expiry can leave that timer pointing at an event already gone; it then fires harmlessly
 * and the next one is asked for.
 */
final class TimeLengthWindow implements Window {
    private static final int MAX_INITIAL_CAPACITY = 1024;
    private static final TimedEventQueue.Departure EXPIRE = (event, at, out) -> out.expired(event.asExpired(at));

    private final int size;
    private final Clock clock;
    private final TimedEventQueue held;

    TimeLengthWindow(TimeLengthWindowDefinition definition, WindowContext context) {
        this.size = definition.size();
        this.clock = context.clock();
        this.held = new TimedEventQueue(definition.duration(), EXPIRE, context.scheduler(),
                Math.min(size, MAX_INITIAL_CAPACITY));
    }

    @Override
    public void process(Event event, WindowCollector out) {
        held.releaseUpTo(Math.max(clock.now(), event.timestamp()), out);
        if (held.size() == size) {
            out.expired(held.pollFirst().asExpired(event.timestamp()));
        }
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
        ArrayDeque<Event> restored = EventArrays.decode(state);
        if (restored.size() > size) {
            throw new IllegalArgumentException("snapshot holds " + restored.size()
                    + " events, more than the window size " + size);
        }
        held.restore(restored);
    }
}
