package io.eventflux.window.length.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/** A validated length window: the size, shared by every instance of the query. */
record LengthWindowDefinition(int size) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new LengthWindow(size);
    }
}
