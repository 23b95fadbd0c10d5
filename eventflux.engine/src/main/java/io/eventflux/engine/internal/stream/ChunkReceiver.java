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

    /**
     * Whether {@link #processOne} also takes an event stamped {@code EvalContext.UNSTAMPED}, stamping it with
     * the app's clock when it first needs its time: true only for a query that keeps no event (no window,
     * no aggregate, no group) and passes no input event on.
     */
    default boolean stampsOnDemand() {
        return false;
    }

    /** The same as {@link #process} with a chunk of this one event; only if {@link #takesSingleEvents}. */
    default void processOne(Event event) {
        throw new UnsupportedOperationException(getClass().getName() + " takes chunks only");
    }
}
