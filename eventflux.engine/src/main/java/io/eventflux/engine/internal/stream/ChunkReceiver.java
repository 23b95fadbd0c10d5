package io.eventflux.engine.internal.stream;

import io.eventflux.api.Event;

/** Something fed by a stream junction: a query's input. Called on the writer thread. */
public interface ChunkReceiver {
    void process(EventChunk chunk);

    /**
     * Whether {@link #processOne} may be called instead of {@link #process} for a chunk of one event: the
     * single event then needs no chunk, whose reused buffer would take a reference store per event.
     */
    default boolean takesSingleEvents() {
        return false;
    }

    /** The same as {@link #process} with a chunk of this one event; only if {@link #takesSingleEvents}. */
    default void processOne(Event event) {
        throw new UnsupportedOperationException(getClass().getName() + " takes chunks only");
    }
}
