package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;
import java.util.List;
import java.util.Map;

/**
 * An incremental aggregation ({@code CREATE AGGREGATION}, SQL.md 6): running aggregates of one stream per
 * bucket of every granularity, keyed by the GROUP BY values.
 *
 * <p>Expressions of {@code filter}, {@code timestamp}, {@code groupBy} and aggregate arguments read the source
 * event (input 0). A column reads aggregates ({@link TypedExpr.AggregateRef}) and, outside them, only
 * attributes that are GROUP BY keys (so every event of a bucket and key gives them the same value).
 *
 * @param schema the rows it serves: {@code AGG_TIMESTAMP} (the bucket start, LONG) then the columns
 * @param source the schema of the stream it reads
 * @param filter the WHERE over source events, or null
 * @param timestamp the LONG expression that places an event in time ({@code AGGREGATE BY attr}), or null for
 *     the event's own timestamp
 * @param groupBy the key expressions (empty: one key)
 * @param columns the output columns after {@code AGG_TIMESTAMP}
 * @param aggregates the aggregate calls, by slot; each is one of {@link #INCREMENTAL}
 * @param granularities the granularities, finest first: {@code seconds minutes hours days months years}
 * @param options the WITH options ({@code store}, {@code retention.<granularity>}, {@code timezone}, store keys)
 * @param position where it was declared
 * @since 1.2
 */
public record AggregationDef(StreamSchema schema, StreamSchema source, TypedExpr filter, TypedExpr timestamp,
        List<TypedExpr> groupBy, List<SelectorPlan.OutputColumn> columns, List<AggregateCall> aggregates,
        List<String> granularities, Map<String, String> options, SourcePosition position) {
    /** The column every aggregation row starts with: the start of its bucket (epoch ms). */
    public static final String TIMESTAMP_COLUMN = "AGG_TIMESTAMP";

    /** The aggregators kept incrementally (lower case); any other is a compile error. */
    public static final List<String> INCREMENTAL = List.of("sum", "count", "avg", "min", "max", "distinctcount",
            "stddev", "variance");

    public AggregationDef {
        groupBy = List.copyOf(groupBy);
        columns = List.copyOf(columns);
        aggregates = List.copyOf(aggregates);
        granularities = List.copyOf(granularities);
        options = Map.copyOf(options);
    }

    public String name() {
        return schema.name();
    }
}
