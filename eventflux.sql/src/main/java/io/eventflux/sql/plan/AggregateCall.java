package io.eventflux.sql.plan;

import io.eventflux.api.aggregator.AggregatorDefinition;

/**
 * One aggregate call of a selector.
 *
 * @param slot its index among the selector's aggregates (what {@link TypedExpr.AggregateRef} points at)
 * @param name the aggregator name as written (e.g. "sum", or "distinctCount" for COUNT(DISTINCT x))
 * @param argument the per-event argument, or null for {@code count()}
 * @param definition what the aggregator factory returned
 */
public record AggregateCall(int slot, String name, TypedExpr argument, AggregatorDefinition definition) {
}
