package io.eventflux.api.io;

import io.eventflux.api.extension.Stateful;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running source. Its {@link #snapshot()} holds the position to resume from (offsets), taken in the
 * same snapshot as the app's state.
 */
@ConsumerType
public interface Source extends Stateful {
    /** Starts delivering payloads to {@code listener}, from any thread the source owns. */
    void start(SourceListener listener) throws Exception;

    /** Stops delivering; returns once no further call to the listener will happen. */
    void stop();

    /** Temporarily stops delivering (backpressure, app waiting); default: no-op. */
    default void pause() {
    }

    /** Resumes after {@link #pause()}. */
    default void resume() {
    }
}
