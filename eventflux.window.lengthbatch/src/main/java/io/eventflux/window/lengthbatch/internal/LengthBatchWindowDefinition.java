package io.eventflux.window.lengthbatch.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/** A validated lengthBatch window: the batch size, shared by every instance of the query. */
record LengthBatchWindowDefinition(int size) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public Window create(WindowContext context) {
        return new LengthBatchWindow(size);
    }
}
