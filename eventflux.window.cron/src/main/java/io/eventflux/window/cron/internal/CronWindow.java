package io.eventflux.window.cron.internal;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import io.eventflux.extension.support.window.TumblingBatches;
import java.io.Serializable;
import java.util.Collection;

/**
 * Batches that end at the times a cron expression matches. An event belongs to the batch that ends at
 * the first match after its timestamp (an event exactly at a match opens the next batch). At each end B
 * the previous batch is reported expired (stamped B), the batch that just ended as current, then
 * {@code flush(B)}. As in the timeBatch window, a boundary with nothing to report flushes nothing and
 * an idle window keeps no timer: the next arrival finds its batch end again.
 */
final class CronWindow implements Window {
    private static final long NONE = Long.MIN_VALUE;

    private final CronTimes times;
    private final Scheduler scheduler;
    /** The batch that ends at {@code batchEnd} (not reported yet) and the last flushed batch. */
    private final TumblingBatches batches = new TumblingBatches();
    /** End of the current batch (the next match), or NONE before the first event. */
    private long batchEnd = NONE;
    /** The end a timer was asked for and has not fired yet, or NONE. */
    private long pendingTimer = NONE;

    CronWindow(CronTimes times, Scheduler scheduler) {
        this.times = times;
        this.scheduler = scheduler;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        long ts = event.timestamp();
        if (batchEnd == NONE) {
            batchEnd = times.nextAfter(ts);
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
        while (batchEnd <= time) {
            if (batches.isEmpty()) {
                batchEnd = times.nextAfter(time); // skip idle matches
                return;
            }
            batches.close(batchEnd, out);
            batchEnd = times.nextAfter(batchEnd);
        }
    }

    private void ensureTimer() {
        if (batchEnd != NONE && batchEnd != Long.MAX_VALUE && pendingTimer != batchEnd
                && !batches.isEmpty()) {
            pendingTimer = batchEnd;
            scheduler.schedule(batchEnd);
        }
    }

    /** The last flushed batch, oldest first; a read-only view valid until the next call. */
    @Override
    public Collection<Event> contents() {
        return batches.contents();
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {batchEnd, batches.encodedFilling(), batches.encodedFlushed()};
    }

    /** Puts the batches back and asks this instance's scheduler for the timer of the batch end. */
    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 3 || !(parts[0] instanceof Long end)) {
            throw new IllegalArgumentException("not a cron window snapshot: " + state);
        }
        batches.restore(EventArrays.decode(parts[1]), EventArrays.decode(parts[2]));
        batchEnd = end;
        pendingTimer = NONE;
        ensureTimer();
    }
}
