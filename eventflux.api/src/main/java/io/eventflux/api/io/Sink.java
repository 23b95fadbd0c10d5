package io.eventflux.api.io;

import io.eventflux.api.Event;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running sink, called on one thread at a time. The engine calls {@link #publish} for each event of a
 * chunk and then {@link #flush}. A sink may buffer in {@code publish} and send in {@code flush}: when
 * {@code flush} throws, every event published since the previous successful flush goes to the stream's
 * error strategy (so a retry may send some of them twice: at-least-once).
 */
@ConsumerType
public interface Sink {
    /**
     * Connects.
     *
     * @throws Exception when it cannot connect; the engine retries with the stream's backoff, in the
     *     background, and events meanwhile go to the error strategy
     */
    void start() throws Exception;

    /**
     * Sends (or buffers) one mapped payload.
     *
     * @param payload what the stream's {@code format} mapper made of the event (String or byte[])
     * @param event the event itself (for keys and headers taken from attributes)
     * @throws Exception hands the event to the stream's error strategy (retry, DLQ...)
     */
    void publish(Object payload, Event event) throws Exception;

    /** Sends whatever is buffered. @throws Exception fails every event since the last flush */
    default void flush() throws Exception {
    }

    /** Flushes and disconnects. */
    void stop();
}
