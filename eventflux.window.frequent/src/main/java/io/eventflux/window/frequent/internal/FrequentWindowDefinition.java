package io.eventflux.window.frequent.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.support.window.KeyExtractor;

/** A validated frequent window: how many keys it counts and how a key is built. */
record FrequentWindowDefinition(int count, KeyExtractor keys) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new FrequentWindow(count, keys);
    }
}
