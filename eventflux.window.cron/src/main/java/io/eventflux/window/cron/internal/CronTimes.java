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

    private final ExecutionTime execution;

    private CronTimes(ExecutionTime execution) {
        this.execution = execution;
    }

    /** @throws IllegalArgumentException when the expression is not valid */
    static CronTimes parse(String expression) {
        return new CronTimes(ExecutionTime.forCron(PARSER.parse(expression)));
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
}
