package io.eventflux.api.window;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A validated window: immutable, shared by all instances of a query.
 */
@ConsumerType
public interface WindowDefinition {
    /**
     * True for a batch window (lengthBatch, timeBatch, ...): its output comes in flushes, each
     * delimited by {@link WindowCollector#flush(long)}, and an aggregate query emits one row per group
     * per flush. False for a sliding window: every arriving event produces output at once.
     */
    boolean isBatch();

    /** A new, empty window instance. Called once per query instance, at deploy time. */
    Window create(WindowContext context);
}
