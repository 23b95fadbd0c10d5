package io.eventflux.api.io;

import io.eventflux.api.StreamSchema;
import java.util.Map;

/**
 * A connector or mapper as configured for one stream: the stream's schema and its options (WITH keys
 * merged with the configuration file, environment variables already substituted).
 *
 * @param app the app's name
 * @param stream the stream's schema
 * @param options every option, e.g. {@code kafka.topic}
 */
public record ConnectorSpec(String app, StreamSchema stream, Map<String, String> options) {
    public ConnectorSpec {
        options = Map.copyOf(options);
    }

    /** An option, or {@code fallback} when absent. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** An option as a number of milliseconds ("500", "5 s", "2 minutes"), or {@code fallback} when absent. */
    public long durationMillis(String key, long fallback) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        try {
            double n = Double.parseDouble(t.substring(0, i));
            String unit = t.substring(i).trim();
            long factor = switch (unit) {
                case "", "ms", "millis", "millisecond", "milliseconds" -> 1L;
                case "s", "sec", "second", "seconds" -> 1000L;
                case "m", "min", "minute", "minutes" -> 60_000L;
                case "h", "hour", "hours" -> 3_600_000L;
                case "d", "day", "days" -> 86_400_000L;
                default -> throw new NumberFormatException(unit);
            };
            return Math.round(n * factor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stream " + stream.name() + ": option '" + key
                    + "' must be a duration such as '500', '500 ms' or '5 seconds', was '" + v + "'");
        }
    }

    /** An option as a long, or {@code fallback} when absent. @throws IllegalArgumentException naming it */
    public long longOption(String key, long fallback) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stream " + stream.name() + ": option '" + key
                    + "' must be an integer, was '" + v + "'");
        }
    }

    /** An option as a boolean ("true"/"false"), or {@code fallback} when absent. */
    public boolean booleanOption(String key, boolean fallback) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        if (v.trim().equalsIgnoreCase("true") || v.trim().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v.trim());
        }
        throw new IllegalArgumentException("stream " + stream.name() + ": option '" + key
                + "' must be true or false, was '" + v + "'");
    }

    /** Options under a prefix, prefix removed ({@code http.headers.} gives {@code X-Key -> v}). */
    public java.util.Map<String, String> withPrefix(String prefix) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        options.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** The options with secrets redacted, for messages and logs. */
    @Override
    public String toString() {
        return "ConnectorSpec[app=" + app + ", stream=" + stream.name() + ", options="
                + io.eventflux.api.config.Secrets.redact(new java.util.TreeMap<>(options)) + "]";
    }

    /** A required option. @throws IllegalArgumentException naming the stream and the key */
    public String require(String key) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("stream " + stream.name() + ": option '" + key + "' is required");
        }
        return v;
    }
}
