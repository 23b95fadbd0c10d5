package io.eventflux.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events emitted into a stream, one chunk at a time (a chunk is what one input chunk,
 * window flush or timer produced). Called on the app's writer thread: return quickly, never block.
 */
@ConsumerType
@FunctionalInterface
public interface StreamCallback {
    void receive(List<Event> events);
}
