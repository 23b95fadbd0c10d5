package io.eventflux.window.lossyfrequent.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.support.window.KeyExtractor;

/**
 * A validated lossyFrequent window.
 *
 * @param support the minimum frequency of a reported key
 * @param error the tolerated error; it sets the bucket width {@code ceil(1 / error)}
 * @param keys how a key is built
 */
record LossyFrequentWindowDefinition(double support, double error, KeyExtractor keys) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new LossyFrequentWindow(this);
    }

    long bucketWidth() {
        return (long) Math.ceil(1 / error);
    }
}
