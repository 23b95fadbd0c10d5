package io.eventflux.api.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options from a configuration file ({@code conf/eventflux.toml} or {@code .yaml}): the
 * {@code [application]} table applies to every connector stream, {@code [streams.Name]} to one stream.
 * SQL {@code WITH} keys override both.
 *
 * <p>The maps keep the order of the file (so listings follow it) and are unmodifiable; keys and values
 * must not be null.
 *
 * @param source where the options were read from (a file path), for messages and {@code config list}
 * @param application the {@code [application]} options
 * @param streams the {@code [streams.Name]} options by stream name
 */
public record AppConfig(String source, Map<String, String> application, Map<String, Map<String, String>> streams) {
    public AppConfig {
        Objects.requireNonNull(source, "source");
        application = ordered(application, "[application]");
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        streams.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "stream name"), ordered(v, "[streams." + k + "]")));
        streams = Collections.unmodifiableMap(copy);
    }

    /** No configuration file. */
    public static AppConfig empty() {
        return new AppConfig("(none)", Map.of(), Map.of());
    }

    /** The options of one stream's {@code [streams.Name]} table (empty when absent). */
    public Map<String, String> stream(String name) {
        return streams.getOrDefault(name, Map.of());
    }

    private static Map<String, String> ordered(Map<String, String> options, String table) {
        Map<String, String> copy = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException(table + ": option " + (k == null ? "keys" : "'" + k + "'")
                        + " must not be null");
            }
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }
}
