package io.eventflux.api.io;

import org.osgi.annotation.versioning.ConsumerType;

/** A running sink. Called on a single thread at a time. */
@ConsumerType
public interface Sink {
    /** Connects. */
    void start() throws Exception;

    /**
     * Sends one mapped payload. Throwing hands the event to the stream's error strategy (retry, DLQ...).
     */
    void publish(Object payload, java.util.Map<String, String> headers) throws Exception;

    /** Sends whatever is buffered. */
    default void flush() throws Exception {
    }

    /** Flushes and disconnects. */
    void stop();
}
