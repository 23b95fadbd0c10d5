package io.eventflux.engine.internal.aggregation;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The WITH options of an aggregation: {@code 'store'} (a table-store name; the other keys go to it),
 * {@code 'retention.<granularity>'} (a number of buckets or {@code 'all'}), {@code 'timezone'} (default UTC);
 * and the WITHIN bounds (epoch ms, or {@code 'yyyy-MM-dd HH:mm:ss[.SSS]'} with an optional offset).
 */
public final class AggregationOptions {
    /** Buckets kept per granularity when no retention option is given (months and years: all). */
    static final Map<String, Long> DEFAULT_RETENTION = Map.of("seconds", 120L, "minutes", 1440L, "hours", 720L,
            "days", 366L, "months", 0L, "years", 0L);

    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ HH:mm[:ss]]").optionalStart().appendFraction(ChronoField.MILLI_OF_SECOND, 0,
                    3, true).optionalEnd().optionalStart().appendPattern("[ ]XXX").optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter(Locale.ROOT);

    private AggregationOptions() {
    }

    static String value(Map<String, String> options, String key, String otherwise) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return otherwise;
    }

    /** The table store named by {@code 'store'}, or null (memory). */
    public static String store(Map<String, String> options) {
        return value(options, "store", null);
    }

    /** The options handed to the table store: all but the aggregation's own. */
    public static Map<String, String> storeOptions(Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            String lower = k.toLowerCase(Locale.ROOT);
            if (!lower.equals("store") && !lower.equals("timezone") && !lower.startsWith("retention.")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Buckets kept for a granularity (0: all). */
    static long retention(Map<String, String> options, String granularity) {
        String v = value(options, "retention." + granularity, null);
        if (v == null) {
            return DEFAULT_RETENTION.getOrDefault(granularity, 0L);
        }
        return v.equalsIgnoreCase("all") ? 0L : Long.parseLong(v.trim());
    }

    /**
     * A WITHIN bound as epoch milliseconds: a number, or a datetime string (in {@code zone} unless it carries
     * an offset).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static long bound(Object value, ZoneId zone) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value == null) {
            throw new IllegalArgumentException("a WITHIN bound is NULL");
        }
        String s = value.toString().trim();
        if (s.matches("-?\\d+")) {
            return Long.parseLong(s);
        }
        try {
            var parsed = DATETIME.parse(s);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).toInstant().toEpochMilli();
            }
            return LocalDateTime.from(parsed).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("WITHIN bound '" + s + "' is neither epoch milliseconds nor a "
                    + "datetime 'yyyy-MM-dd HH:mm:ss'", e);
        }
    }
}
