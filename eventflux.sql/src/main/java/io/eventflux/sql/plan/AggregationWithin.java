package io.eventflux.sql.plan;

/**
 * Which buckets of an aggregation are read: {@code WITHIN from, to PER granularity} (SQL.md 6). The bounds
 * are LONG epoch milliseconds or STRING datetimes ({@code 'yyyy-MM-dd HH:mm:ss'}, optionally with an offset
 * such as {@code +05:30}, else in the aggregation's time zone); the end is exclusive. In a join they read the
 * row of the inputs before the aggregation; on demand they are constants.
 *
 * @param from the first instant included
 * @param to the first instant excluded
 * @param per a STRING naming one of the aggregation's granularities ({@code 'hours'}, {@code 'days'}, ...)
 * @since 1.2
 */
public record AggregationWithin(TypedExpr from, TypedExpr to, TypedExpr per) {
}
