package io.eventflux.window.unique.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/** A validated unique window: the position of the key attribute. */
record UniqueWindowDefinition(int keyIndex) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new UniqueWindow(keyIndex);
    }
}
