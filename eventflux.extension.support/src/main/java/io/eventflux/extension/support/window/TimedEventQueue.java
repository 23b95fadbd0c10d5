package io.eventflux.extension.support.window;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.WindowCollector;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;

/**
 * Held events in arrival order, each due {@code span} ms after its timestamp (saturating at
 * {@code Long.MAX_VALUE}), with at most one outstanding timer: for the oldest held event. Events leave
 * in arrival order, so a late event (stamped earlier than one held before it) waits for that one.
 * A timer that is no longer needed (its event already left) fires harmlessly; {@link #onTimer} then asks
 * for the next one. The owning window decides what leaving means (expired for a time window, released
 * current for a delay window) and reports it through a {@link Departure}.
 */
public final class TimedEventQueue {
    private static final long NONE = Long.MIN_VALUE;

    /** What the owning window reports when a held event falls due (a constant, non-capturing lambda). */
    @FunctionalInterface
    public interface Departure {
        /** {@code event} leaves the queue; it fell due at {@code dueAt}; report it to {@code out}. */
        void leave(Event event, long dueAt, WindowCollector out);
    }

    private final long span;
    private final Departure departure;
    private final Scheduler scheduler;
    private ArrayDeque<Event> held;
    /** The time of the timer asked for and not fired yet, or NONE. */
    private long pendingTimer = NONE;

    /**
     * @param span how long after its timestamp an event falls due, in ms (positive)
     * @param departure reports an event that falls due
     * @param scheduler where the timer for the oldest event is asked for
     * @param initialCapacity a sizing hint for the queue
     */
    public TimedEventQueue(long span, Departure departure, Scheduler scheduler, int initialCapacity) {
        this.span = span;
        this.departure = departure;
        this.scheduler = scheduler;
        this.held = new ArrayDeque<>(initialCapacity);
    }

    public TimedEventQueue(long span, Departure departure, Scheduler scheduler) {
        this(span, departure, scheduler, 16);
    }

    /** Holds an event (last); call {@link #ensureTimer()} once the arrival is reported. */
    public void addLast(Event event) {
        held.addLast(event);
    }

    /** Takes out the oldest event regardless of its due time (a count bound), or null when empty. */
    public Event pollFirst() {
        return held.pollFirst();
    }

    public int size() {
        return held.size();
    }

    /** Hands every event due at or before {@code now} to the departure, oldest first. */
    public void releaseUpTo(long now, WindowCollector out) {
        while (!held.isEmpty()) {
            long dueAt = dueTimeOf(held.peekFirst());
            if (dueAt > now) {
                return;
            }
            departure.leave(held.pollFirst(), dueAt, out);
        }
    }

    /** A timer fired: forgets it if it was the outstanding one, releases what is due, asks for the next. */
    public void onTimer(long time, WindowCollector out) {
        if (time >= pendingTimer) {
            pendingTimer = NONE;
        }
        releaseUpTo(time, out);
        ensureTimer();
    }

    /** Asks the scheduler for the oldest event's due time, unless a timer is outstanding already. */
    public void ensureTimer() {
        if (pendingTimer == NONE && !held.isEmpty()) {
            pendingTimer = dueTimeOf(held.peekFirst());
            scheduler.schedule(pendingTimer);
        }
    }

    private long dueTimeOf(Event event) {
        long ts = event.timestamp();
        return ts > Long.MAX_VALUE - span ? Long.MAX_VALUE : ts + span;
    }

    /** A read-only view of the held events, oldest first; valid until the queue changes. */
    public Collection<Event> view() {
        return Collections.unmodifiableCollection(held);
    }

    /** The held events as {@link EventArrays} encode them. */
    public Serializable snapshot() {
        return EventArrays.encode(held);
    }

    /**
     * Replaces the held events with decoded ones (see {@link EventArrays#decode}) and asks this
     * instance's scheduler for the timer of the oldest one.
     */
    public void restore(ArrayDeque<Event> events) {
        held = events;
        pendingTimer = NONE;
        ensureTimer();
    }
}
