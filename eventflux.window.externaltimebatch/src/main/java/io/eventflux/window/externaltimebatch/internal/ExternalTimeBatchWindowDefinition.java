package io.eventflux.window.externaltimebatch.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.support.window.TumblingBatches;

/**
 * A validated externalTimeBatch window.
 *
 * @param timestampIndex position of the LONG time attribute
 * @param duration batch length in ms of attribute time
 * @param aligned true when boundaries are {@code startTime + k*duration}; false when the first event's
 *     attribute time starts the first batch
 * @param startTime the alignment origin (only when aligned)
 * @param timeout ms of app clock without arrivals after which the batch so far is flushed; 0 for never
 */
record ExternalTimeBatchWindowDefinition(int timestampIndex, long duration, boolean aligned, long startTime,
        long timeout) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public Window create(WindowContext context) {
        return new ExternalTimeBatchWindow(this, context);
    }

    /** The end of the first batch, for the first event at attribute time {@code time}. */
    long firstBoundary(long time) {
        return aligned ? TumblingBatches.boundaryAfter(startTime, time, duration) : time + duration;
    }
}
