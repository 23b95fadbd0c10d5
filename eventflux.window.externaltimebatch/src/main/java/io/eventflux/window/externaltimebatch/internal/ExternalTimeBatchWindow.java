package io.eventflux.window.externaltimebatch.internal;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.api.window.WindowContext;
import io.eventflux.extension.support.window.EventArrays;
import io.eventflux.extension.support.window.TumblingBatches;
import java.io.Serializable;
import java.util.Collection;

/**
 * Tumbling batches of {@code duration} ms of the time an attribute carries, on a fixed grid of
 * boundaries. Attribute time moves only with arrivals: an arrival whose attribute time reaches the
 * current batch's end B closes that batch first: the previous batch is reported expired (stamped B),
 * the batch that ended as current, then {@code flush(B)}. As in the timeBatch window, a boundary whose
 * batch is empty still flushes when the previous batch has events to expire, and boundaries with
 * nothing to report are skipped. An arrival earlier than the current batch's start (a late event) joins
 * the current batch, as in Siddhi. An event whose time attribute is NULL cannot be placed; it is dropped.
 *
 * <p>With a timeout, a batch that has events and has seen no arrival for {@code timeout} ms of the app
 * clock is flushed at the timer's time T (previous batch expired at T, the events so far current,
 * {@code flush(T)}); the batch's boundary does not move, and later arrivals before it form the rest of
 * the batch, flushed at the boundary. (Siddhi re-emits the early part with the rest; we do not.)
 */
final class ExternalTimeBatchWindow implements Window {
    private static final long NONE = Long.MIN_VALUE;

    private final ExternalTimeBatchWindowDefinition definition;
    private final Clock clock;
    private final Scheduler scheduler;
    /** The batch being filled (not reported yet) and the last flushed batch. */
    private final TumblingBatches batches = new TumblingBatches();
    /** End of the current batch in attribute time, or NONE before the first event. */
    private long batchEnd = NONE;
    /** App-clock time of the last arrival (for the timeout). */
    private long lastArrival = NONE;
    /** The timeout timer asked for and not fired yet, or NONE. */
    private long pendingTimer = NONE;

    ExternalTimeBatchWindow(ExternalTimeBatchWindowDefinition definition, WindowContext context) {
        this.definition = definition;
        this.clock = context.clock();
        this.scheduler = context.scheduler();
    }

    @Override
    public void process(Event event, WindowCollector out) {
        if (!(event.get(definition.timestampIndex()) instanceof Long time)) {
            return;
        }
        if (batchEnd == NONE) {
            batchEnd = definition.firstBoundary(time);
        } else if (time >= batchEnd) {
            closeBatchesUpTo(time, out);
        }
        batches.add(event);
        lastArrival = clock.now();
        ensureTimer();
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        if (time >= pendingTimer) {
            pendingTimer = NONE;
        }
        if (definition.timeout() > 0 && batches.fillingSize() > 0 && time - lastArrival >= definition.timeout()) {
            batches.close(time, out);
        }
        ensureTimer();
    }

    private void closeBatchesUpTo(long time, WindowCollector out) {
        batchEnd = batches.closeUpTo(batchEnd, time, definition.duration(), out);
    }

    /** Keeps one timeout timer while the batch being filled has events. */
    private void ensureTimer() {
        if (definition.timeout() > 0 && pendingTimer == NONE && batches.fillingSize() > 0) {
            long due = lastArrival > Long.MAX_VALUE - definition.timeout() ? Long.MAX_VALUE
                    : lastArrival + definition.timeout();
            pendingTimer = due;
            scheduler.schedule(due);
        }
    }

    /**
     * The last flushed batch, oldest first (the events a join sees); events of the batch being filled
     * are not in the window until it is flushed. A read-only view, valid until the next call.
     */
    @Override
    public Collection<Event> contents() {
        return batches.contents();
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {batchEnd, lastArrival, batches.encodedFilling(), batches.encodedFlushed()};
    }

    /** Puts the batches back and, with a timeout, asks this instance's scheduler for the timeout timer. */
    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 4 || !(parts[0] instanceof Long end)
                || !(parts[1] instanceof Long arrival)) {
            throw new IllegalArgumentException("not an externalTimeBatch window snapshot: " + state);
        }
        batches.restore(EventArrays.decode(parts[2]), EventArrays.decode(parts[3]));
        batchEnd = end;
        lastArrival = arrival;
        pendingTimer = NONE;
        ensureTimer();
    }
}
