package io.eventflux.connector.rabbitmq.internal;

import io.eventflux.api.io.SourceListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A SourceListener standing in for the engine: records what it takes; {@code onPayload} blocks while the
 * test holds capacity back (a full app under backpressure = block); {@code processed()} completes at once
 * or only when the test releases it (delivered but not yet processed).
 */
final class RecordingListener implements SourceListener {
    record Received(Object payload, String location) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger processedCalls = new AtomicInteger();
    final AtomicReference<Throwable> connectionLost = new AtomicReference<>();
    private final Semaphore capacity = new Semaphore(Integer.MAX_VALUE);
    private final List<CompletableFuture<Void>> gated = new CopyOnWriteArrayList<>();
    private volatile boolean gate;

    /** processed() completes only after {@link #release()}. */
    RecordingListener gated() {
        gate = true;
        return this;
    }

    RecordingListener capacity(int n) {
        capacity.drainPermits();
        capacity.release(n);
        return this;
    }

    void addCapacity(int n) {
        capacity.release(n);
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
        capacity.acquireUninterruptibly();
        received.add(new Received(payload, headers.get(LOCATION)));
    }

    @Override
    public boolean offer(Object payload, Map<String, String> headers) {
        throw new AssertionError("the rabbitmq source hands over with onPayload (blocking backpressure)");
    }

    @Override
    public CompletionStage<Void> processed() {
        processedCalls.incrementAndGet();
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (gate) {
            gated.add(f);
            if (!gate) {
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
