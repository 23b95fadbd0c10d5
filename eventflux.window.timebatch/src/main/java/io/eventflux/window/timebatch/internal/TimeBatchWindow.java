package io.eventflux.window.timebatch.internal;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import io.eventflux.extension.support.window.TumblingBatches;
import java.io.Serializable;
import java.util.Collection;

/**
 * Tumbling batches of {@code duration} ms on a fixed grid of boundaries. An event belongs to the batch
 * whose end is the first boundary after its timestamp, so an event exactly at a boundary opens the next
 * batch. At each boundary B the previous batch is reported expired (stamped B), the batch that just
 * ended as current, then {@code flush(B)}.
 *
 * <p>Empty batches: a boundary whose batch is empty still flushes when the previous batch has events to
 * expire (a flush with only expired events). When both are empty nothing is reported and no flush is
 * made, so an idle window never produces an empty aggregate row, and no timer is kept running while
 * idle: the next arrival finds its batch on the same grid.
 */
final class TimeBatchWindow implements Window {
    private static final long NONE = Long.MIN_VALUE;

    private final TimeBatchWindowDefinition definition;
    private final Scheduler scheduler;
    /** The batch that ends at {@code batchEnd} (not reported yet) and the last flushed batch. */
    private final TumblingBatches batches = new TumblingBatches();
    /** End of the current batch (the next boundary), or NONE before the first event. */
    private long batchEnd = NONE;
    /** The boundary a timer was asked for and has not fired yet, or NONE. */
    private long pendingTimer = NONE;

    TimeBatchWindow(TimeBatchWindowDefinition definition, Scheduler scheduler) {
        this.definition = definition;
        this.scheduler = scheduler;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        long ts = event.timestamp();
        if (batchEnd == NONE) {
            batchEnd = definition.firstBoundary(ts);
        } else if (ts >= batchEnd) {
            // the engine fires due timers first; this only catches up if it did not
            closeBatchesUpTo(ts, out);
        }
        batches.add(event);
        ensureTimer();
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        if (time >= pendingTimer) {
            pendingTimer = NONE;
        }
        if (batchEnd != NONE && time >= batchEnd) {
            closeBatchesUpTo(time, out);
        }
        ensureTimer();
    }

    private void closeBatchesUpTo(long time, WindowCollector out) {
        batchEnd = batches.closeUpTo(batchEnd, time, definition.duration(), out);
    }

    private void ensureTimer() {
        if (batchEnd != NONE && pendingTimer != batchEnd && !batches.isEmpty()) {
            pendingTimer = batchEnd;
            scheduler.schedule(batchEnd);
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
        return new Object[] {batchEnd, batches.encodedFilling(), batches.encodedFlushed()};
    }

    /** Puts the batches back and asks this instance's scheduler for the timer of the next boundary. */
    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 3 || !(parts[0] instanceof Long end)) {
            throw new IllegalArgumentException("not a timeBatch window snapshot: " + state);
        }
        batches.restore(EventArrays.decode(parts[1]), EventArrays.decode(parts[2]));
        batchEnd = end;
        pendingTimer = NONE;
        ensureTimer();
    }
}
