package io.eventflux.api.io;

import org.osgi.annotation.versioning.ConsumerType;

/** Creates sources of one connector type ({@code @Extension(type = "source", name = "kafka")}). */
@ConsumerType
public interface SourceFactory {
    /**
     * Validates the options and creates a source (not yet started).
     *
     * @throws IllegalArgumentException naming the stream and the bad option
     */
    Source create(ConnectorSpec spec);
}
