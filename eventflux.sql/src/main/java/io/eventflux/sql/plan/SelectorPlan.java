package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;
import java.util.List;

/**
 * The SELECT part of a query.
 *
 * <p>Expressions in {@code columns} and {@code groupBy} read the input event ({@link TypedExpr.AttributeRef})
 * and aggregates ({@link TypedExpr.AggregateRef}). {@code having} and {@code orderBy} may also read the
 * output row ({@link TypedExpr.OutputRef}).
 *
 * @param columns the output columns in order (stars expanded)
 * @param distinct SELECT DISTINCT
 * @param groupBy grouping expressions (empty: none)
 * @param having the HAVING condition, or null
 * @param orderBy sort keys applied to the rows of one chunk (empty: arrival order)
 * @param limit max rows per chunk, or null
 * @param offset rows skipped per chunk, or null
 * @param aggregates every aggregate call, indexed by {@link AggregateCall#slot()}
 * @param outputSchema the schema of the rows (named after the output target)
 */
public record SelectorPlan(List<OutputColumn> columns, boolean distinct, List<TypedExpr> groupBy, TypedExpr having,
        List<OrderKey> orderBy, Long limit, Long offset, List<AggregateCall> aggregates, StreamSchema outputSchema) {
    public SelectorPlan {
        columns = List.copyOf(columns);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        aggregates = List.copyOf(aggregates);
    }

    /** True if any column, HAVING or ORDER BY uses an aggregate. */
    public boolean isAggregating() {
        return !aggregates.isEmpty();
    }

    /** One output column. */
    public record OutputColumn(String name, TypedExpr expression) {
    }

    /** One ORDER BY key. */
    public record OrderKey(TypedExpr expression, boolean descending) {
    }
}
