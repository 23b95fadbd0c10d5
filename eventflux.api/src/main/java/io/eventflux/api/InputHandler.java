package io.eventflux.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends events into one stream of a running app.
 *
 * <p>Threading: safe to call from any thread. In synchronous (inline) mode the caller's thread runs
 * the queries under the app's lock; otherwise the events are published into the app's ring buffer and
 * the call returns (blocking while the ring is full, unless the stream drops on backpressure).
 *
 * <p>Errors: a data array of the wrong length, or a value that is not of the attribute's type, is an
 * {@link IllegalArgumentException} naming the attribute and the value.
 */
@ProviderType
public interface InputHandler {
    /** The stream this handler feeds. */
    StreamSchema schema();

    /** Sends one event stamped with the app's current time. */
    void send(Object... data);

    /** Sends one event with an explicit event-time timestamp. */
    void send(long timestamp, Object[] data);

    /** Sends one event. */
    void send(Event event);

    /** Sends several events as one chunk (they are processed together, as one batch). */
    void send(List<Event> events);
}
