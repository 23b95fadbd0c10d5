package io.eventflux.api.io;

import io.eventflux.api.Event;
import org.osgi.annotation.versioning.ConsumerType;

/** Turns one event into a payload (byte[] or String). */
@ConsumerType
public interface SinkMapper {
    /** @throws IllegalArgumentException naming the attribute and value that cannot be written */
    Object map(Event event);
}
