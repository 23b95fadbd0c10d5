package io.eventflux.connector.tcp.internal;

import io.eventflux.api.io.SourceListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * A listener standing in for the engine: collects payloads and unreadable frames. With {@link #hold()} it
 * behaves like a full app: {@code onPayload} blocks until {@link #release()} gives it permits.
 */
final class CollectingListener implements SourceListener {
    record Received(Object payload, Map<String, String> headers) {
    }

    record Unreadable(Object payload, String reason, Map<String, String> headers) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<Unreadable> unreadable = new CopyOnWriteArrayList<>();
    final List<Throwable> lost = new CopyOnWriteArrayList<>();
    private final Semaphore permits = new Semaphore(0);
    private volatile boolean holding;

    List<Object> payloads() {
        return received.stream().map(Received::payload).toList();
    }

    /** From now on each payload needs a permit. */
    void hold() {
        holding = true;
    }

    /** Lets everything through again. */
    void release() {
        if (holding) {
            holding = false;
            permits.release(1_000_000);
        }
    }

    @Override
    public void onPayload(Object payload, Map<String, String> headers) {
        if (holding) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the app was full", e);
            }
        }
        received.add(new Received(payload, headers));
    }

    @Override
    public boolean offer(Object payload, Map<String, String> headers) {
        received.add(new Received(payload, headers));
        return true;
    }

    @Override
    public void onUnreadable(Object payload, String reason, Map<String, String> headers) {
        unreadable.add(new Unreadable(payload, reason, headers));
    }

    @Override
    public CompletionStage<Void> processed() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        lost.add(cause);
    }
}
