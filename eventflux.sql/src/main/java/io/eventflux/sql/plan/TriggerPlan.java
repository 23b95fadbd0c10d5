package io.eventflux.sql.plan;

/**
 * {@code CREATE TRIGGER name AT START | AT EVERY d | AT CRON 'expr'}: a stream {@code name (triggered_time
 * LONG)} into which the app's timer service sends one event at each firing, stamped with the firing time.
 *
 * @param name the trigger (and its stream's) name
 * @param kind when it fires
 * @param periodMillis the period of an EVERY trigger (0 otherwise)
 * @param cron the 6-field cron expression (seconds first) of a CRON trigger (null otherwise)
 * @param position where it was declared
 */
public record TriggerPlan(String name, Kind kind, long periodMillis, String cron, SourcePosition position) {
    /** When a trigger fires. */
    public enum Kind {
        /** Once, at the app's start time. */
        START,
        /** Every period, first one period after the start. */
        EVERY,
        /** At every time the cron expression matches after the start (UTC). */
        CRON
    }
}
