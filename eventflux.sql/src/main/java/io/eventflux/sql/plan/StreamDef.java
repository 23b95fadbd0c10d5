package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;
import java.util.Map;

/**
 * A stream of the app.
 *
 * @param schema name and attributes
 * @param kind how it came to be
 * @param options its WITH options (connector settings), keys as written without quotes
 * @param position where it was declared (or first inserted into)
 */
public record StreamDef(StreamSchema schema, Kind kind, Map<String, String> options, SourcePosition position) {
    public enum Kind {
        /** {@code CREATE STREAM}. */
        DECLARED,
        /** Created by {@code INSERT INTO X} without a declaration. */
        IMPLICIT,
        /** {@code CREATE TRIGGER} (since 1.1): {@code (triggered_time LONG)}, fed by the app's timers. */
        TRIGGER
    }

    public StreamDef {
        options = Map.copyOf(options);
    }

    public String name() {
        return schema.name();
    }
}
