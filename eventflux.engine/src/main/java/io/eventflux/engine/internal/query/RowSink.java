package io.eventflux.engine.internal.query;

/** Where a selector puts the rows of one chunk: the output stream, or a rate limiter in front of it. */
@FunctionalInterface
interface RowSink {
    void accept(RowBuffer rows);

    /** Whether the rows must carry their group keys (rate limiting per group); otherwise they are not stored. */
    default boolean needsGroupKeys() {
        return false;
    }

    /** Graceful shutdown: emit what is held. */
    default void flushOnShutdown() {
    }
}
