package io.eventflux.engine.internal.aggregation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One granularity of an aggregation: buckets are aligned to real calendar boundaries in the aggregation's
 * time zone (UTC unless {@code 'timezone'} says otherwise). A bucket holds the instants
 * {@code [start(t), next(start(t)))}; months and years have their true lengths, days follow daylight saving.
 */
final class Granularity {
    private final String name;
    private final ChronoUnit unit;
    private final ZoneId zone;
    private final long fixedMillis;

    Granularity(String name, ZoneId zone) {
        this.name = name.toLowerCase(Locale.ROOT);
        this.zone = zone;
        this.unit = switch (this.name) {
            case "seconds" -> ChronoUnit.SECONDS;
            case "minutes" -> ChronoUnit.MINUTES;
            case "hours" -> ChronoUnit.HOURS;
            case "days" -> ChronoUnit.DAYS;
            case "months" -> ChronoUnit.MONTHS;
            case "years" -> ChronoUnit.YEARS;
            default -> throw new IllegalArgumentException("unknown granularity '" + name + "'");
        };
        // seconds and minutes never depend on the zone (offsets are whole minutes); hours and days do not in UTC
        boolean utc = zone.getRules().isFixedOffset() && zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() == 0;
        this.fixedMillis = switch (unit) {
            case SECONDS -> 1_000L;
            case MINUTES -> 60_000L;
            case HOURS -> utc ? 3_600_000L : 0L;
            case DAYS -> utc ? 86_400_000L : 0L;
            default -> 0L;
        };
    }

    String name() {
        return name;
    }

    /** The start of the bucket holding {@code ts}. */
    long start(long ts) {
        if (fixedMillis > 0) {
            return Math.floorDiv(ts, fixedMillis) * fixedMillis;
        }
        ZonedDateTime t = Instant.ofEpochMilli(ts).atZone(zone);
        ZonedDateTime s = switch (unit) {
            case HOURS -> t.truncatedTo(ChronoUnit.HOURS);
            case DAYS -> t.truncatedTo(ChronoUnit.DAYS);
            case MONTHS -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            default -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
        return s.toInstant().toEpochMilli();
    }

    /** The start of the bucket {@code n} buckets after the one starting at {@code start} (n may be negative). */
    long plus(long start, long n) {
        if (fixedMillis > 0) {
            return start + n * fixedMillis;
        }
        if (unit == ChronoUnit.HOURS) {
            return start + n * 3_600_000L;
        }
        return start(Instant.ofEpochMilli(start).atZone(zone).plus(n, unit).toInstant().toEpochMilli());
    }
}
