package io.eventflux.window.timebatch.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.support.window.TumblingBatches;

/**
 * A validated time batch window.
 *
 * @param duration batch length in ms
 * @param aligned true when boundaries are {@code startTime + k*duration}; false when the first event's
 *     time starts the first batch
 * @param startTime the alignment origin (only when aligned)
 */
record TimeBatchWindowDefinition(long duration, boolean aligned, long startTime) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public Window create(WindowContext context) {
        return new TimeBatchWindow(this, context.scheduler());
    }

    /** The end of the first batch, for the first event at {@code time}. */
    long firstBoundary(long time) {
        return aligned ? TumblingBatches.boundaryAfter(startTime, time, duration) : time + duration;
    }
}
