package io.eventflux.window.sliding.internal;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;

/**
 * Windows of {@code size} ms ending at every multiple E of {@code slide} since the epoch; window E
 * holds the events with a timestamp in {@code [E - size, E)}. At each end E (a timer, or an arrival at
 * or after E when the timer did not fire) the previous window is reported expired (stamped E), the
 * window that just ended as current in arrival order, then {@code flush(E)}. With size &gt; slide an
 * event is reported (and expired) once per window it is in.
 *
 * <p>As in the timeBatch window, an end whose window is empty still flushes when the previous window
 * has events to expire, ends with nothing to report are skipped, and no timer runs while idle. An
 * arrival stamped before the start of every window still to come is dropped without output (it can
 * only belong to windows already emitted).
 */
final class SlidingWindow implements Window {
    private static final long NONE = Long.MIN_VALUE;

    private final SlidingWindowDefinition definition;
    private final Scheduler scheduler;
    /** Events of the windows still to come, in arrival order (all stamped before {@code nextEnd}). */
    private ArrayDeque<Event> pending = new ArrayDeque<>();
    /** The last emitted window, held until the next end expires it. */
    private ArrayDeque<Event> flushed = new ArrayDeque<>();
    /** End of the next window to emit, or NONE before the first event. */
    private long nextEnd = NONE;
    /** The end a timer was asked for and has not fired yet, or NONE. */
    private long pendingTimer = NONE;

    SlidingWindow(SlidingWindowDefinition definition, Scheduler scheduler) {
        this.definition = definition;
        this.scheduler = scheduler;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        long ts = event.timestamp();
        if (nextEnd == NONE) {
            nextEnd = definition.endAfter(ts);
        } else if (ts >= nextEnd) {
            // the engine fires due timers first; this only catches up if it did not
            closeWindowsUpTo(ts, out);
        }
        if (ts < nextEnd - definition.size()) {
            return;
        }
        pending.addLast(event);
        ensureTimer();
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        if (time >= pendingTimer) {
            pendingTimer = NONE;
        }
        if (nextEnd != NONE && time >= nextEnd) {
            closeWindowsUpTo(time, out);
        }
        ensureTimer();
    }

    private void closeWindowsUpTo(long time, WindowCollector out) {
        while (nextEnd <= time) {
            if (pending.isEmpty() && flushed.isEmpty()) {
                nextEnd = definition.endAfter(time); // skip idle ends
                return;
            }
            closeWindow(nextEnd, out);
            nextEnd += definition.slide();
        }
    }

    private void closeWindow(long end, WindowCollector out) {
        for (Event old : flushed) {
            out.expired(old.asExpired(end));
        }
        flushed.clear();
        long start = end - definition.size();
        for (Event e : pending) {
            if (e.timestamp() >= start && e.timestamp() < end) {
                out.current(e);
                flushed.addLast(e);
            }
        }
        out.flush(end);
        long nextStart = end + definition.slide() - definition.size();
        pending.removeIf(e -> e.timestamp() < nextStart);
    }

    private void ensureTimer() {
        if (nextEnd != NONE && pendingTimer != nextEnd && !(pending.isEmpty() && flushed.isEmpty())) {
            pendingTimer = nextEnd;
            scheduler.schedule(nextEnd);
        }
    }

    /**
     * The last emitted window, oldest first (the events a join sees); events of windows still to come
     * are not in the window until it is emitted. A read-only view, valid until the next call.
     */
    @Override
    public Collection<Event> contents() {
        return Collections.unmodifiableCollection(flushed);
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {nextEnd, EventArrays.encode(pending), EventArrays.encode(flushed)};
    }

    /** Puts the windows back and asks this instance's scheduler for the timer of the next end. */
    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 3 || !(parts[0] instanceof Long end)) {
            throw new IllegalArgumentException("not a sliding window snapshot: " + state);
        }
        pending = EventArrays.decode(parts[1]);
        flushed = EventArrays.decode(parts[2]);
        nextEnd = end;
        pendingTimer = NONE;
        ensureTimer();
    }
}
