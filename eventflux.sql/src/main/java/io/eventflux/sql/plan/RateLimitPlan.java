package io.eventflux.sql.plan;

/**
 * {@code OUTPUT {ALL | FIRST | LAST | SNAPSHOT} EVERY n EVENTS | d}.
 *
 * @param mode which rows a period emits
 * @param events the period in events, or 0 when the period is time
 * @param millis the period in milliseconds, or 0 when the period is events
 */
public record RateLimitPlan(Mode mode, long events, long millis) {
    public enum Mode { ALL, FIRST, LAST, SNAPSHOT }

    public boolean isTimeBased() {
        return millis > 0;
    }
}
