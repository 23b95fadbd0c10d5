package io.eventflux.window.sliding.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/**
 * A validated sliding (hopping) window.
 *
 * @param size window length in ms
 * @param slide distance in ms between window ends, which are the multiples of it since the epoch
 */
record SlidingWindowDefinition(long size, long slide) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public Window create(WindowContext context) {
        return new SlidingWindow(this, context.scheduler());
    }

    /** The first window end (multiple of slide) after {@code time}. */
    long endAfter(long time) {
        return (Math.floorDiv(time, slide) + 1) * slide;
    }
}
