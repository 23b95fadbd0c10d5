package io.eventflux.api;

import java.util.List;

/**
 * Describes one available extension.
 *
 * @param type window, aggregator, function, source, sink, mapper, table-store or persistence-store
 * @param name the name apps use
 * @param aliases other names it answers to
 * @param description one line of help
 * @param parameters one line per parameter, as "name: type, meaning"
 * @param provider who provides it (bundle symbolic name, or class name outside OSGi)
 */
public record ExtensionInfo(String type, String name, List<String> aliases, String description,
        List<String> parameters, String provider) {
    public ExtensionInfo {
        aliases = List.copyOf(aliases);
        parameters = List.copyOf(parameters);
    }
}
