package io.eventflux.sql.plan;

/** Where a query's events come from. Joins add permitted kinds in later versions. */
public sealed interface InputPlan permits StreamInput, PatternInput {
}
