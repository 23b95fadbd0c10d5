package io.eventflux.connector.file.internal;

import io.eventflux.api.io.SourceListener;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/** An app that never takes anything: onPayload blocks until interrupted, as the engine's ring does. */
final class BlockingListener implements SourceListener {
    volatile boolean entered;
    volatile boolean interrupted;

    @Override
    public void onPayload(Object payload, Map<String, String> headers) {
        entered = true;
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            interrupted = true;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while blocked", e);
        }
    }

    @Override
    public boolean offer(Object payload, Map<String, String> headers) {
        return false;
    }

    @Override
    public CompletionStage<Void> processed() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onConnectionLost(Throwable cause) {
    }
}
