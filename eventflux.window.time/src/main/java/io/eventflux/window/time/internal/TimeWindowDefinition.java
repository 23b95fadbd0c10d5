package io.eventflux.window.time.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/** A validated time window: its length in ms, shared by every instance of the query. */
record TimeWindowDefinition(long duration) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new TimeWindow(duration, context);
    }
}
