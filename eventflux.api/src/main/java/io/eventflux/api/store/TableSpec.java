package io.eventflux.api.store;

import io.eventflux.api.StreamSchema;
import java.util.List;
import java.util.Map;

/**
 * A table as declared.
 *
 * @param app the app's name
 * @param schema the columns
 * @param primaryKey the primary key columns (empty: none)
 * @param indexes secondary index columns ({@code WITH ('index' = 'a, b')})
 * @param options the WITH options
 */
public record TableSpec(String app, StreamSchema schema, List<String> primaryKey, List<String> indexes,
        Map<String, String> options) {
    public TableSpec {
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
        options = Map.copyOf(options);
    }
}
