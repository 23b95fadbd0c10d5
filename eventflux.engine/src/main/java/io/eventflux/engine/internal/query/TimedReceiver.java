package io.eventflux.engine.internal.query;

import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.stream.EventChunk;

/**
 * Where a query receives the chunks of one of its input streams: counts each chunk and times the
 * sampled ones (two {@link System#nanoTime()} reads) into the query's {@link LatencyHistogram}, also when it fails.
 */
public final class TimedReceiver implements ChunkReceiver {
    private final LatencyHistogram latency;
    private final ChunkReceiver query;

    private TimedReceiver(LatencyHistogram latency, ChunkReceiver query) {
        this.latency = latency;
        this.query = query;
    }

    /** The query's receiver timed into {@code latency}, or the receiver itself when latency is null (off). */
    public static ChunkReceiver of(LatencyHistogram latency, ChunkReceiver query) {
        return latency == null ? query : new TimedReceiver(latency, query);
    }

    @Override
    public void process(EventChunk chunk) {
        if (!latency.sample()) {
            query.process(chunk);
            return;
        }
        long start = System.nanoTime();
        try {
            query.process(chunk);
        } finally {
            latency.record(System.nanoTime() - start);
        }
    }
}
