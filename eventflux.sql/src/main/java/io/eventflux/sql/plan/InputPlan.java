package io.eventflux.sql.plan;

/** Where a query's events come from. Joins and patterns add permitted kinds in later versions. */
public sealed interface InputPlan permits StreamInput {
}
