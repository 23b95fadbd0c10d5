package io.eventflux.engine.internal.time;

import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The event-time keys of one stream's resolved options (README, "Event time and watermarks"), checked at
 * deploy: {@code event.time}, {@code watermark.delay}, {@code watermark.idle.timeout},
 * {@code late.events.stream}, and the {@code error.strategy} / {@code error.dlq.stream} that late events
 * without a late stream go to.
 *
 * @param stream the event-timed stream
 * @param timeIndex the position of the event-time attribute
 * @param delayMillis how much older than the newest event time an event may be and still be on time
 * @param idleMillis wall-clock quiet time after which heartbeats move the stream's event time; 0: none
 * @param lateStream where late events go, or null (then the error strategy)
 * @param strategy what happens to a late event without a late stream
 * @param dlqStream the dead-letter stream of {@code strategy = DLQ}
 */
public record EventTimeOptions(StreamSchema stream, int timeIndex, long delayMillis, long idleMillis,
        String lateStream, LateStrategy strategy, String dlqStream) {

    /** What happens to a late event (or one without an event time) that has no late stream to go to. */
    public enum LateStrategy {
        /** Counted and logged (also for {@code error.strategy = retry}: waiting cannot make it on time). */
        DROP,
        /** Sent to {@code error.dlq.stream} as a dead-letter event of type {@code LATE}. */
        DLQ,
        /** Fails the app. */
        FAIL
    }

    public static final String EVENT_TIME = "event.time";

    /** Whether the options make the stream event-timed. */
    public static boolean eventTimed(Map<String, String> options) {
        String v = lookup(options, EVENT_TIME);
        return v != null && !v.isBlank();
    }

    /**
     * @throws IllegalArgumentException naming the app, the stream, the key and the value
     */
    public static EventTimeOptions parse(String app, StreamSchema stream, Map<String, String> options) {
        Map<String, String> lower = new LinkedHashMap<>();
        options.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        String prefix = "app '" + app + "': stream " + stream.name() + ": ";
        String attribute = lower.get(EVENT_TIME).trim();
        int index = stream.indexOf(attribute);
        if (index < 0) {
            throw new IllegalArgumentException(prefix + "event.time names attribute '" + attribute
                    + "', which the stream does not have");
        }
        if (stream.attributes().get(index).type() != AttributeType.LONG) {
            throw new IllegalArgumentException(prefix + "event.time attribute '" + attribute + "' is "
                    + stream.attributes().get(index).type() + "; it must be LONG or TIMESTAMP");
        }
        ConnectorSpec spec = new ConnectorSpec(app, stream, lower);
        long delay = spec.durationMillis("watermark.delay", 0);
        if (delay < 0) {
            throw new IllegalArgumentException(prefix + "watermark.delay must be at least 0, was " + delay);
        }
        long idle = spec.durationMillis("watermark.idle.timeout", 0);
        if (idle < 0) {
            throw new IllegalArgumentException(prefix + "watermark.idle.timeout must be positive, was " + idle);
        }
        String late = blankToNull(lower.get("late.events.stream"));
        String s = blankToNull(lower.get("error.strategy"));
        LateStrategy strategy = LateStrategy.DROP;
        if (s != null) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "drop", "retry" -> strategy = LateStrategy.DROP;
                case "dlq" -> strategy = LateStrategy.DLQ;
                case "fail" -> strategy = LateStrategy.FAIL;
                default -> throw new IllegalArgumentException(prefix + "option 'error.strategy' must be one of "
                        + "[dlq, drop, fail, retry], was '" + s + "'");
            }
        }
        String dlq = blankToNull(lower.get("error.dlq.stream"));
        if (strategy == LateStrategy.DLQ && dlq == null) {
            throw new IllegalArgumentException(prefix + "error.strategy = 'dlq' needs 'error.dlq.stream'");
        }
        return new EventTimeOptions(stream, index, delay, idle, late, strategy, dlq);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String lookup(Map<String, String> options, String key) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
