package io.eventflux.sql.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole compiled app.
 *
 * @param name the app name ({@code @app:name('x')} or null when not given)
 * @param options app-level options (annotations)
 * @param streams every stream: declared, implicit output streams of queries, in first-mention order
 * @param queries the queries in source order
 * @param tables the tables ({@code CREATE TABLE}) in source order
 * @param tableWrites the stream-driven UPDATE / DELETE / UPSERT statements in source order
 */
public record AppPlan(String name, Map<String, String> options, List<StreamDef> streams, List<QueryPlan> queries,
        List<TableDef> tables, List<TableWritePlan> tableWrites) {
    public AppPlan {
        options = Map.copyOf(options);
        streams = List.copyOf(streams);
        queries = List.copyOf(queries);
        tables = List.copyOf(tables);
        tableWrites = List.copyOf(tableWrites);
    }

    /** An app without tables. */
    public AppPlan(String name, Map<String, String> options, List<StreamDef> streams, List<QueryPlan> queries) {
        this(name, options, streams, queries, List.of(), List.of());
    }

    public Optional<TableDef> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    public Optional<StreamDef> stream(String streamName) {
        return streams.stream().filter(s -> s.schema().name().equals(streamName)).findFirst();
    }
}
