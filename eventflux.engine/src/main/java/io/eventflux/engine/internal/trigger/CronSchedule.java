package io.eventflux.engine.internal.trigger;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A 6-field cron expression (second minute hour day-of-month month day-of-week, Spring's dialect:
 * {@code *}, ranges, lists, steps, {@code ?}, {@code L}, {@code W}, {@code #}, names) evaluated by
 * cron-utils, in UTC so that a replay gives the same times everywhere.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final String expression;
    private final ExecutionTime execution;

    private CronSchedule(String expression, ExecutionTime execution) {
        this.expression = expression;
        this.execution = execution;
    }

    /** @throws IllegalArgumentException naming the expression and what is wrong with it */
    public static CronSchedule parse(String expression) {
        try {
            return new CronSchedule(expression, ExecutionTime.forCron(PARSER.parse(expression)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cron expression '" + expression + "': " + e.getMessage(), e);
        }
    }

    /** The first time the expression matches strictly after {@code epochMillis}, or Long.MAX_VALUE if none. */
    public long nextAfter(long epochMillis) {
        ZonedDateTime from = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
        Optional<ZonedDateTime> next = execution.nextExecution(from);
        if (next.isEmpty()) {
            return Long.MAX_VALUE;
        }
        long t = next.get().toInstant().toEpochMilli();
        // cron-utils works in whole seconds: never answer the same (or an earlier) time
        return t > epochMillis ? t : nextAfter(epochMillis + 1000 - Math.floorMod(epochMillis, 1000L));
    }

    @Override
    public String toString() {
        return expression;
    }
}
