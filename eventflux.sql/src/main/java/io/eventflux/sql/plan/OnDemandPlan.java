package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;

/**
 * An on-demand query: {@code SELECT ... FROM T [WHERE ...] ...} over a table, run at once.
 *
 * @param table the table's schema (input 0 of every expression)
 * @param alias the table's alias, or null
 * @param filter the WHERE condition, or null
 * @param selector projection, aggregation (one row per group over the selected rows), order and limit;
 *     its output schema is named {@code OnDemandResult}
 * @param within when {@code table} is an aggregation: the buckets read (constants); else null (since 1.2)
 */
public record OnDemandPlan(StreamSchema table, String alias, TypedExpr filter, SelectorPlan selector,
        AggregationWithin within) {
    public OnDemandPlan(StreamSchema table, String alias, TypedExpr filter, SelectorPlan selector) {
        this(table, alias, filter, selector, null);
    }
}
