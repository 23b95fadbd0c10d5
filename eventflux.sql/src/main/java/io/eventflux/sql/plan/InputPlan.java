package io.eventflux.sql.plan;

/** Where a query's events come from: one stream, a join, or a pattern/sequence. */
public sealed interface InputPlan permits StreamInput, JoinInput, PatternInput {
}
