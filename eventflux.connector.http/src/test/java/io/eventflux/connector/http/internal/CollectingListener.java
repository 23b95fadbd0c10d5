package io.eventflux.connector.http.internal;

import io.eventflux.api.io.OfferResult;
import io.eventflux.api.io.SourceListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A listener standing in for the engine: collects what it takes, can be full, and "maps" with a function
 * returning an error message (or null) for each payload, as the engine's mapper would.
 */
final class CollectingListener implements SourceListener {
    record Received(Object payload, Map<String, String> headers) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Function<Object, String> mappingError;
    volatile boolean full;

    CollectingListener() {
        this(p -> null);
    }

    CollectingListener(Function<Object, String> mappingError) {
        this.mappingError = mappingError;
    }

    List<Object> payloads() {
        return received.stream().map(Received::payload).toList();
    }

    @Override
    public void onPayload(Object payload, Map<String, String> headers) {
        received.add(new Received(payload, headers));
    }

    @Override
    public boolean offer(Object payload, Map<String, String> headers) {
        return offerMapped(payload, headers).status() != OfferResult.Status.FULL;
    }

    @Override
    public OfferResult offerMapped(Object payload, Map<String, String> headers) {
        String error = mappingError.apply(payload);
        if (error != null) {
            return OfferResult.rejected(error);
        }
        if (full) {
            return OfferResult.FULL;
        }
        received.add(new Received(payload, headers));
        return OfferResult.ACCEPTED;
    }

    @Override
    public CompletionStage<Void> processed() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onConnectionLost(Throwable cause) {
    }
}
