package io.eventflux.sql.plan;

/**
 * One continuous query: input -> selector -> output.
 *
 * @param name a name for logs and metrics ({@code @info(name=...)} or "query-N")
 * @param input where events come from (and their filter and window)
 * @param selector projection, aggregation, grouping, having, order, limit
 * @param output where rows go, which event kinds, and rate limiting
 * @param position where the query starts in the SQL text
 */
public record QueryPlan(String name, InputPlan input, SelectorPlan selector, OutputPlan output, SourcePosition position) {
}
