package io.eventflux.window.cron.internal;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A 6-field cron expression (second minute hour day-of-month month day-of-week, Spring's dialect), as
 * the engine's triggers read it: evaluated by cron-utils, in UTC.
 */
final class CronTimes {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final String expression;
    private final ExecutionTime execution;

    private CronTimes(String expression, ExecutionTime execution) {
        this.expression = expression;
        this.execution = execution;
    }

    /** @throws IllegalArgumentException when the expression is not valid */
    static CronTimes parse(String expression) {
        return new CronTimes(expression, ExecutionTime.forCron(PARSER.parse(expression)));
    }

    /** The first match strictly after {@code epochMillis}, or Long.MAX_VALUE when there is none. */
    long nextAfter(long epochMillis) {
        ZonedDateTime from = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
        Optional<ZonedDateTime> next = execution.nextExecution(from);
        if (next.isEmpty()) {
            return Long.MAX_VALUE;
        }
        long t = next.get().toInstant().toEpochMilli();
        return t > epochMillis ? t : nextAfter(epochMillis + 1000 - Math.floorMod(epochMillis, 1000L));
    }

    /** The expression: stable text, since an app's plan text fingerprints its stored snapshots. */
    @Override
    public String toString() {
        return "CronTimes[" + expression + "]";
    }
}
