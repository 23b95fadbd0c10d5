package io.eventflux.window.firstunique.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/** A validated firstUnique window: the position of the key attribute. */
record FirstUniqueWindowDefinition(int keyIndex) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new FirstUniqueWindow(keyIndex);
    }
}
