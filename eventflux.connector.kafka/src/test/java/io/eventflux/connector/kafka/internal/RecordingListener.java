package io.eventflux.connector.kafka.internal;

import io.eventflux.api.io.SourceListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A SourceListener standing in for the engine: records what it takes, takes only up to a capacity (then
 * {@code offer} refuses, as a full app does), and completes {@code processed()} at once or only when the
 * test releases it (records delivered but not yet processed).
 */
final class RecordingListener implements SourceListener {
    record Received(Object payload, String location) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger processedCalls = new AtomicInteger();
    final AtomicReference<Throwable> connectionLost = new AtomicReference<>();
    private final AtomicInteger capacity = new AtomicInteger(Integer.MAX_VALUE);
    private final List<CompletableFuture<Void>> gated = new CopyOnWriteArrayList<>();
    private volatile boolean gate;

    /** processed() completes only after {@link #release()}. */
    RecordingListener gated() {
        gate = true;
        return this;
    }

    RecordingListener capacity(int n) {
        capacity.set(n);
        return this;
    }

    void addCapacity(int n) {
        capacity.addAndGet(n);
    }

    /** Completes every processed() so far, and the later ones at once. */
    void release() {
        gate = false;
        gated.forEach(f -> f.complete(null));
    }

    List<String> values() {
        return received.stream().map(r -> r.payload() instanceof byte[] b ? new String(b) : (String) r.payload())
                .toList();
    }

    @Override
    public void onPayload(Object payload, Map<String, String> headers) {
        throw new AssertionError("the kafka source must not block the poll thread: offer only");
    }

    @Override
    public boolean offer(Object payload, Map<String, String> headers) {
        if (capacity.getAndUpdate(c -> c > 0 ? c - 1 : c) <= 0) {
            refused.incrementAndGet();
            return false;
        }
        received.add(new Received(payload, headers.get(LOCATION)));
        return true;
    }

    @Override
    public CompletionStage<Void> processed() {
        processedCalls.incrementAndGet();
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (gate) {
            gated.add(f);
            if (!gate) { // released meanwhile
                f.complete(null);
            }
        } else {
            f.complete(null);
        }
        return f;
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        connectionLost.set(cause);
    }
}
