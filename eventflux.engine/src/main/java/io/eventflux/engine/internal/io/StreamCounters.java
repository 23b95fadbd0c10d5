package io.eventflux.engine.internal.io;

import java.util.concurrent.atomic.AtomicLong;

/** What went wrong on one connector stream so far; read by tests and the CLI, written by any thread. */
public final class StreamCounters {
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    void countError() {
        errors.incrementAndGet();
    }

    void countDeadLettered() {
        deadLettered.incrementAndGet();
    }

    void countDropped() {
        dropped.incrementAndGet();
    }

    void countRetry() {
        retries.incrementAndGet();
    }

    /** Events (or payloads) that failed to map, convert or publish, whatever the strategy made of them. */
    public long errors() {
        return errors.get();
    }

    /** Failed events sent to the dead-letter stream. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Failed events dropped by the error strategy (not the backpressure drops, which the stream counts). */
    public long dropped() {
        return dropped.get();
    }

    /** Extra attempts made under {@code error.strategy = retry}. */
    public long retries() {
        return retries.get();
    }
}
