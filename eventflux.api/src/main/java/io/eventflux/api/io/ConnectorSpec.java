package io.eventflux.api.io;

import io.eventflux.api.StreamSchema;
import java.util.Map;

/**
 * A connector or mapper as configured for one stream: the stream's schema and its options (WITH keys
 * merged with the configuration file, environment variables already substituted).
 *
 * @param app the app's name
 * @param stream the stream's schema
 * @param options every option, e.g. {@code kafka.topic}
 */
public record ConnectorSpec(String app, StreamSchema stream, Map<String, String> options) {
    public ConnectorSpec {
        options = Map.copyOf(options);
    }

    /** An option, or {@code fallback} when absent. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** A required option. @throws IllegalArgumentException naming the stream and the key */
    public String require(String key) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("stream " + stream.name() + ": option '" + key + "' is required");
        }
        return v;
    }
}
