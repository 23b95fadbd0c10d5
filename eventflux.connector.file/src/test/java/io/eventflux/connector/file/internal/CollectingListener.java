package io.eventflux.connector.file.internal;

import io.eventflux.api.io.SourceListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * Collects what a source hands over: payloads and their locations. With {@link #blockAfter(int)} it
 * holds the source's thread in {@link #onPayload} like a full app under {@code backpressure = block}.
 */
final class CollectingListener implements SourceListener {
    private final List<String> payloads = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();
    private final List<Throwable> lost = new ArrayList<>();
    private final Semaphore permits = new Semaphore(Integer.MAX_VALUE);

    @Override
    public void onPayload(Object payload, Map<String, String> headers) {
        permits.acquireUninterruptibly();
        synchronized (this) {
            payloads.add((String) payload);
            locations.add(headers.get(SourceListener.LOCATION));
        }
    }

    @Override
    public boolean offer(Object payload, Map<String, String> headers) {
        onPayload(payload, headers);
        return true;
    }

    @Override
    public CompletionStage<Void> processed() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void onConnectionLost(Throwable cause) {
        lost.add(cause);
    }

    /** From now on, takes {@code n} more payloads and then blocks until {@link #release()}. */
    void blockAfter(int n) {
        permits.drainPermits();
        permits.release(n);
    }

    void release() {
        permits.release(Integer.MAX_VALUE / 2);
    }

    synchronized List<String> payloads() {
        return List.copyOf(payloads);
    }

    synchronized List<String> locations() {
        return List.copyOf(locations);
    }

    synchronized int size() {
        return payloads.size();
    }

    synchronized List<Throwable> lost() {
        return List.copyOf(lost);
    }
}
