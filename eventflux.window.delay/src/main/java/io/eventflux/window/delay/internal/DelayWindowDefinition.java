package io.eventflux.window.delay.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/** A validated delay window: the delay in ms. */
record DelayWindowDefinition(long delay) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new DelayWindow(delay, context);
    }
}
