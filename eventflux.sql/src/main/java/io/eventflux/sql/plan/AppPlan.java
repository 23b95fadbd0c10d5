package io.eventflux.sql.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole compiled app.
 *
 * @param name the app name ({@code @app:name('x')} or null when not given)
 * @param options app-level options (annotations)
 * @param streams every stream: declared, implicit output streams of queries, trigger streams, in
 *     first-mention order (inner streams of partitions are in their {@link PartitionPlan})
 * @param queries the queries outside partitions, in source order
 * @param tables the tables ({@code CREATE TABLE}) in source order
 * @param tableWrites the stream-driven UPDATE / DELETE / UPSERT statements in source order
 * @param partitions the partitions in source order (since 1.1)
 * @param triggers the triggers in source order (since 1.1); each one's stream is in {@code streams}
 * @param aggregations the incremental aggregations in source order (since 1.2)
 */
public record AppPlan(String name, Map<String, String> options, List<StreamDef> streams, List<QueryPlan> queries,
        List<TableDef> tables, List<TableWritePlan> tableWrites, List<PartitionPlan> partitions,
        List<TriggerPlan> triggers, List<AggregationDef> aggregations) {
    public AppPlan {
        aggregations = List.copyOf(aggregations);
        options = Map.copyOf(options);
        streams = List.copyOf(streams);
        queries = List.copyOf(queries);
        tables = List.copyOf(tables);
        tableWrites = List.copyOf(tableWrites);
        partitions = List.copyOf(partitions);
        triggers = List.copyOf(triggers);
    }

    /** An app without aggregations. */
    public AppPlan(String name, Map<String, String> options, List<StreamDef> streams, List<QueryPlan> queries,
            List<TableDef> tables, List<TableWritePlan> tableWrites, List<PartitionPlan> partitions,
            List<TriggerPlan> triggers) {
        this(name, options, streams, queries, tables, tableWrites, partitions, triggers, List.of());
    }

    /** An app of streams and queries only: no tables, partitions or triggers. */
    public AppPlan(String name, Map<String, String> options, List<StreamDef> streams, List<QueryPlan> queries) {
        this(name, options, streams, queries, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public Optional<TableDef> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    /** @since 1.2 */
    public Optional<AggregationDef> aggregation(String aggregationName) {
        return aggregations.stream().filter(a -> a.name().equals(aggregationName)).findFirst();
    }

    public Optional<StreamDef> stream(String streamName) {
        return streams.stream().filter(s -> s.schema().name().equals(streamName)).findFirst();
    }
}
