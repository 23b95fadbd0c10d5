package io.eventflux.engine.internal.query;

/** Where a selector puts the rows of one chunk: the output stream, or a rate limiter in front of it. */
@FunctionalInterface
interface RowSink {
    void accept(RowBuffer rows);

    /** Graceful shutdown: emit what is held. */
    default void flushOnShutdown() {
    }
}
