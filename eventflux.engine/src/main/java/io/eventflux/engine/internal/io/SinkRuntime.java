package io.eventflux.engine.internal.io;

import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.stream.EventChunk;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One sink stream, subscribed to the stream's junction: publishes each chunk on the writer thread, or
 * queues it for the sink's own threads when {@code async.enabled = true}.
 */
public final class SinkRuntime implements ChunkReceiver {
    /** How long a shutdown waits for an async sink to publish what is queued. */
    private static final long DRAIN_TIMEOUT_MILLIS = 30_000;

    private final ConnectorOptions options;
    private final List<SinkWorker> workers;
    private final AsyncSinkQueue queue;

    /** @param queue the async queue feeding {@code workers}, or null: one worker fed by the writer */
    SinkRuntime(ConnectorOptions options, List<SinkWorker> workers, AsyncSinkQueue queue) {
        this.options = options;
        this.workers = List.copyOf(workers);
        this.queue = queue;
    }

    public String stream() {
        return options.stream();
    }

    @Override
    public void process(EventChunk chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        if (queue != null) {
            queue.enqueue(chunk);
        } else {
            workers.get(0).deliver(chunk.toList());
        }
    }

    /** Whether every sink instance is connected. */
    public boolean isConnected() {
        return workers.stream().allMatch(SinkWorker::isConnected);
    }

    void start() {
        if (queue != null) {
            queue.start();
        }
        for (SinkWorker w : workers) {
            w.start();
        }
    }

    /**
     * Writer thread: completes once what reached this sink before has been published. Synchronous sinks
     * publish on the writer, so they are done already.
     */
    CompletableFuture<Void> published() {
        return queue == null ? CompletableFuture.completedFuture(null) : queue.marker();
    }

    /** After the writer drained: publishes what is queued, then flushes and stops the sinks. */
    void stop() {
        if (queue != null) {
            queue.shutdown(DRAIN_TIMEOUT_MILLIS);
        }
        for (SinkWorker w : workers) {
            w.stop();
        }
    }
}
