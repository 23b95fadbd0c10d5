package io.eventflux.window.timebatch.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.support.window.ScheduledBatchWindow;
import io.eventflux.extension.support.window.TumblingBatches;

/**
 * A validated time batch window: tumbling batches of {@code duration} ms on a fixed grid of boundaries
 * ({@link ScheduledBatchWindow}). An event belongs to the batch whose end is the first boundary after its
 * timestamp, so an event exactly at a boundary opens the next batch. An idle window reports nothing,
 * flushes nothing and keeps no timer: the next arrival finds its batch on the same grid.
 *
 * @param duration batch length in ms
 * @param aligned true when boundaries are {@code startTime + k*duration}; false when the first event's
 *     time starts the first batch
 * @param startTime the alignment origin (only when aligned)
 */
record TimeBatchWindowDefinition(long duration, boolean aligned, long startTime)
        implements WindowDefinition, ScheduledBatchWindow.Schedule {

    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public Window create(WindowContext context) {
        return new ScheduledBatchWindow(this, context.scheduler(), "timeBatch");
    }

    /** The end of the first batch, for the first event at {@code time}. */
    @Override
    public long firstEnd(long time) {
        return aligned ? TumblingBatches.boundaryAfter(startTime, time, duration) : time + duration;
    }

    /** The first boundary after {@code time} on the grid of {@code end}. */
    @Override
    public long nextEnd(long end, long time) {
        return TumblingBatches.boundaryAfter(end, time, duration);
    }
}
