package io.eventflux.window.timelength.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/** A validated timeLength window: its length in ms and the most events it holds. */
record TimeLengthWindowDefinition(long duration, int size) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new TimeLengthWindow(this, context);
    }
}
