package io.eventflux.launcher.internal.config;

import io.eventflux.api.config.AppConfig;
import java.util.List;
import java.util.Map;

/**
 * A loaded configuration file.
 *
 * @param options the stream options: {@code [application]} and {@code [streams.Name]}, flattened to strings
 * @param sections every other top-level table ({@code [persistence]}, {@code [server]}, ...), kept as read
 *     (maps, lists, strings, numbers, booleans) for the features that will read them
 * @param warnings what the file holds that nothing reads (an unknown top-level key, say), for stderr
 */
public record ConfigFile(AppConfig options, Map<String, Object> sections, List<String> warnings) {
    public ConfigFile {
        sections = Map.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    /** No configuration file. */
    public static ConfigFile none() {
        return new ConfigFile(AppConfig.empty(), Map.of(), List.of());
    }

    /** The file it was read from, as given (or "(none)"). */
    public String source() {
        return options.source();
    }
}
