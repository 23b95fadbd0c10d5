package io.eventflux.connector.websocket.internal;

import io.eventflux.api.io.SourceListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener standing in for the engine: collects what it takes; {@link #full} makes it refuse offers. */
final class CollectingListener implements SourceListener {
    record Received(Object payload, Map<String, String> headers) {
    }

    record Unreadable(Object payload, String reason, Map<String, String> headers) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<Unreadable> unreadable = new CopyOnWriteArrayList<>();
    final List<Throwable> lost = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    volatile boolean full;

    List<Object> payloads() {
        return received.stream().map(Received::payload).toList();
    }

    @Override
    public void onPayload(Object payload, Map<String, String> headers) {
        received.add(new Received(payload, headers));
    }

    @Override
    public boolean offer(Object payload, Map<String, String> headers) {
        if (full) {
            refused.incrementAndGet();
            return false;
        }
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
