package io.eventflux.api.io;

import org.osgi.annotation.versioning.ConsumerType;

/** A payload format ({@code @Extension(type = "mapper", name = "json")}): both directions. */
@ConsumerType
public interface MapperFactory {
    /** A mapper from payloads to events of {@code spec.stream()}. */
    SourceMapper sourceMapper(ConnectorSpec spec);

    /** A mapper from events of {@code spec.stream()} to payloads. */
    SinkMapper sinkMapper(ConnectorSpec spec);
}
