package io.eventflux.api.io;

import org.osgi.annotation.versioning.ConsumerType;

/** Creates sinks of one connector type ({@code @Extension(type = "sink", name = "kafka")}). */
@ConsumerType
public interface SinkFactory {
    /** Validates the options and creates a sink. @throws IllegalArgumentException naming the bad option */
    Sink create(ConnectorSpec spec);
}
