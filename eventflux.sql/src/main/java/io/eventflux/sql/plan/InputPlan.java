package io.eventflux.sql.plan;

/** Where a query's events come from. Patterns add a permitted kind in a later version. */
public sealed interface InputPlan permits StreamInput, JoinInput {
}
