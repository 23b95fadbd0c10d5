package io.eventflux.window.externaltime.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/** A validated externalTime window: the position of the time attribute and the length in ms. */
record ExternalTimeWindowDefinition(int timestampIndex, long duration) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new ExternalTimeWindow(timestampIndex, duration);
    }
}
