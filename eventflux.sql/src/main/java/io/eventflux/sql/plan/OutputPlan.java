package io.eventflux.sql.plan;

/**
 * Where a query's rows go.
 *
 * @param target the stream inserted into ("OutputStream" for a bare SELECT)
 * @param events which events are emitted
 * @param rateLimit output rate limiting, or null
 */
public record OutputPlan(String target, EventSelection events, RateLimitPlan rateLimit) {
    /** {@code INSERT [CURRENT | EXPIRED | ALL] EVENTS INTO}. */
    public enum EventSelection { CURRENT, EXPIRED, ALL }
}
