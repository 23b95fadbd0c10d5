package io.eventflux.api.io;

import io.eventflux.api.extension.Stateful;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running source. Lifecycle: {@link #start} (connect and deliver; a failure is retried by the engine
 * with exponential backoff), {@link #pause}/{@link #resume}, {@link #stop} (disconnect). Its
 * {@link #snapshot()} holds the position to resume from (file offsets, Kafka offsets), taken in the same
 * snapshot as the app's state, and {@link #restore} is called before {@link #start}.
 */
@ConsumerType
public interface Source extends Stateful {
    /**
     * Connects and starts delivering payloads to {@code listener}, from threads the source owns. Must
     * not block for long: reading happens on the source's own thread.
     *
     * @throws Exception when it cannot connect; the engine retries with the stream's backoff
     */
    void start(SourceListener listener) throws Exception;

    /** Stops delivering and disconnects; returns once no further call to the listener will happen. */
    void stop();

    /** Temporarily stops delivering (app stopping, waiting or overloaded); default: no-op. */
    default void pause() {
    }

    /** Resumes after {@link #pause()}. */
    default void resume() {
    }

    @Override
    default java.io.Serializable snapshot() {
        return null;
    }

    @Override
    default void restore(java.io.Serializable state) {
    }
}
