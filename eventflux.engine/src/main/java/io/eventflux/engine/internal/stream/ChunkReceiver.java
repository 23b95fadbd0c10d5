package io.eventflux.engine.internal.stream;

/** Something fed by a stream junction: a query's input. Called on the writer thread. */
public interface ChunkReceiver {
    void process(EventChunk chunk);
}
