package io.eventflux.api;

import java.util.List;
import java.util.Objects;

/**
 * The rows of an on-demand query ({@link AppRuntime#query(String)}).
 *
 * @param schema the result columns (named {@code OnDemandResult})
 * @param rows the rows, values in schema order
 * @since 1.2
 */
public record QueryResult(StreamSchema schema, List<Object[]> rows) {
    public QueryResult {
        Objects.requireNonNull(schema, "schema");
        rows = List.copyOf(rows);
    }

    /** The rows as lists (convenient for comparisons and printing). */
    public List<List<Object>> rowLists() {
        return rows.stream().map(r -> java.util.Arrays.asList(r.clone())).toList();
    }
}
