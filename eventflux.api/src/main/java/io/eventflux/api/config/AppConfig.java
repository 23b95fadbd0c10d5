package io.eventflux.api.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options from a configuration file ({@code conf/eventflux.toml} or {@code .yaml}): the
 * {@code [application]} table applies to every connector stream, {@code [streams.Name]} to one stream.
 * SQL {@code WITH} keys override both.
 *
 * @param source where the options were read from (a file path), for messages and {@code config list}
 * @param application the {@code [application]} options
 * @param streams the {@code [streams.Name]} options by stream name
 */
public record AppConfig(String source, Map<String, String> application, Map<String, Map<String, String>> streams) {
    public AppConfig {
        application = Map.copyOf(application);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        streams.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        streams = Map.copyOf(copy);
    }

    /** No configuration file. */
    public static AppConfig empty() {
        return new AppConfig("(none)", Map.of(), Map.of());
    }

    /** The options of one stream's {@code [streams.Name]} table (empty when absent). */
    public Map<String, String> stream(String name) {
        return streams.getOrDefault(name, Map.of());
    }
}
