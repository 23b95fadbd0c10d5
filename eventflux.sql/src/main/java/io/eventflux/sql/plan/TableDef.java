package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;
import java.util.List;
import java.util.Map;

/**
 * A table of the app ({@code CREATE TABLE}, SQL.md 3.6).
 *
 * @param schema name and columns
 * @param primaryKey the primary key columns in order (empty: none)
 * @param indexes secondary index columns ({@code WITH ('index' = 'a, b')})
 * @param options its WITH options, keys as written without quotes ({@code extension} names the store)
 * @param position where it was declared
 */
public record TableDef(StreamSchema schema, List<String> primaryKey, List<String> indexes, Map<String, String> options,
        SourcePosition position) {
    public TableDef {
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
        options = Map.copyOf(options);
    }

    public String name() {
        return schema.name();
    }
}
