package io.eventflux.sql.internal.ast;

import java.util.Locale;

/** Time units of durations and aggregation granularities. Months and years are calendar-based; their millis are nominal. */
public enum TimeUnit {
    MILLISECONDS(1L),
    SECONDS(1_000L),
    MINUTES(60_000L),
    HOURS(3_600_000L),
    DAYS(86_400_000L),
    WEEKS(7 * 86_400_000L),
    MONTHS(30 * 86_400_000L),
    YEARS(365 * 86_400_000L);

    private final long millis;

    TimeUnit(long millis) {
        this.millis = millis;
    }

    public long millis() {
        return millis;
    }

    /** The unit for a keyword, singular or plural ({@code SECOND}, {@code seconds}). */
    public static TimeUnit of(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        return valueOf(w.endsWith("S") ? w : w + "S");
    }
}
