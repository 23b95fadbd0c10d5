package io.eventflux.api.io;

import io.eventflux.api.Event;
import org.osgi.annotation.versioning.ConsumerType;

/** Turns one event into a payload (byte[] or String). */
@ConsumerType
public interface SinkMapper {
    Object map(Event event);
}
