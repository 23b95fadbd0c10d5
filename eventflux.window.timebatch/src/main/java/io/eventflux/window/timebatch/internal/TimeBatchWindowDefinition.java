package io.eventflux.window.timebatch.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

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

    /** The first boundary after {@code time} on the grid {@code origin + k*duration}. */
    long boundaryAfter(long origin, long time) {
        return origin + (Math.floorDiv(time - origin, duration) + 1) * duration;
    }

    /** The end of the first batch, for the first event at {@code time}. */
    long firstBoundary(long time) {
        return aligned ? boundaryAfter(startTime, time) : time + duration;
    }
}
