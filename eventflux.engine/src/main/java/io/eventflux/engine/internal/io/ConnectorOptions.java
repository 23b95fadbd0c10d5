package io.eventflux.engine.internal.io;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The engine's own keys of one connector stream (SQL.md section 7), parsed and checked once at deploy:
 * {@code type}, {@code extension}, {@code format}, {@code backpressure}, {@code async.*} and
 * {@code error.*}. Everything else in {@link #spec()} belongs to the connector and its mapper.
 */
public final class ConnectorOptions {
    /** The schema a dead-letter stream must have, in this order. */
    public static final String DLQ_SCHEMA = "(originalEvent STRING, errorMessage STRING, errorType STRING, "
            + "timestamp LONG, attemptCount INT, streamName STRING)";

    /** What happens to an event that cannot be mapped, converted or published. */
    public enum Strategy {
        DROP, RETRY, DLQ, FAIL
    }

    private final ConnectorSpec spec;
    private final boolean source;
    private final String extension;
    private final String format;
    private final boolean dropOnBackpressure;
    private final Strategy strategy;
    private final int maxAttempts;
    private final Backoff retryBackoff;
    private final Backoff connectBackoff;
    private final String dlqStream;
    private final boolean async;
    private final int bufferSize;
    private final int batchSizeMax;
    private final int workers;

    private ConnectorOptions(ConnectorSpec spec) {
        this.spec = spec;
        String type = required("type").toLowerCase(Locale.ROOT);
        if (!type.equals("source") && !type.equals("sink")) {
            throw invalid("type", required("type"), "source or sink");
        }
        this.source = type.equals("source");
        this.extension = required("extension");
        String f = get("format");
        this.format = f == null || f.isBlank() ? null : f.trim();
        this.dropOnBackpressure = oneOf("backpressure", "block", Set.of("block", "drop")).equals("drop");
        this.strategy = Strategy.valueOf(oneOf("error.strategy", "drop", Set.of("drop", "retry", "dlq", "fail"))
                .toUpperCase(Locale.ROOT));
        long attempts = spec.longOption("error.retry.max-attempts", 3);
        if (attempts < 1) {
            throw invalid("error.retry.max-attempts", String.valueOf(attempts), "at least 1");
        }
        this.maxAttempts = (int) Math.min(attempts, Integer.MAX_VALUE);
        long initial = spec.durationMillis("error.retry.initial-delay", 100);
        long max = spec.durationMillis("error.retry.max-delay", 30_000);
        if (initial < 0 || max < initial) {
            throw invalid("error.retry.max-delay", String.valueOf(max), "at least error.retry.initial-delay ("
                    + initial + " ms)");
        }
        Backoff.Kind kind = Backoff.Kind.valueOf(oneOf("error.retry.backoff", "exponential",
                Set.of("exponential", "linear", "fixed")).toUpperCase(Locale.ROOT));
        this.retryBackoff = new Backoff(kind, initial, max, 0);
        // reconnecting always backs off exponentially, with jitter so that many streams do not reconnect in step
        this.connectBackoff = new Backoff(Backoff.Kind.EXPONENTIAL, Math.max(1, initial), Math.max(1, max), 0.2);
        String dlq = get("error.dlq.stream");
        this.dlqStream = dlq == null || dlq.isBlank() ? null : dlq.trim();
        if (strategy == Strategy.DLQ && dlqStream == null) {
            throw new IllegalArgumentException("stream " + name() + ": error.strategy = 'dlq' needs "
                    + "'error.dlq.stream', a stream declared " + DLQ_SCHEMA);
        }
        this.async = spec.booleanOption("async.enabled", false);
        this.bufferSize = positive("async.buffer_size", 1024);
        this.batchSizeMax = positive("async.batch_size_max", 256);
        this.workers = positive("async.workers", 1);
    }

    /**
     * Parses the resolved options of a connector stream.
     *
     * @throws IllegalArgumentException naming the stream, the key, the value and what is allowed
     */
    public static ConnectorOptions parse(String app, StreamSchema stream, Map<String, String> options) {
        return new ConnectorOptions(new ConnectorSpec(app, stream, options));
    }

    /** The value of a key, ignoring the key's case (SQL keys are written as the author likes). */
    public static String lookup(Map<String, String> options, String key) {
        String v = options.get(key);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private String get(String key) {
        return lookup(spec.options(), key);
    }

    private String required(String key) {
        String v = get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("stream " + name() + ": option '" + key + "' is required");
        }
        return v.trim();
    }

    private String oneOf(String key, String fallback, Set<String> allowed) {
        String v = get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(t)) {
            throw invalid(key, v, "one of " + new java.util.TreeSet<>(allowed));
        }
        return t;
    }

    private int positive(String key, int fallback) {
        long v = spec.longOption(key, fallback);
        if (v < 1 || v > (1 << 24)) {
            throw invalid(key, String.valueOf(v), "between 1 and " + (1 << 24));
        }
        return (int) v;
    }

    private IllegalArgumentException invalid(String key, String value, String allowed) {
        return new IllegalArgumentException("stream " + name() + ": option '" + key + "' must be " + allowed
                + ", was '" + io.eventflux.api.config.Secrets.redact(key, value) + "'");
    }

    private String name() {
        return spec.stream().name();
    }

    /** What the connector and the mapper get: every resolved option. */
    public ConnectorSpec spec() {
        return spec;
    }

    public String stream() {
        return name();
    }

    public boolean isSource() {
        return source;
    }

    public String extension() {
        return extension;
    }

    /** The mapper's name, or null: payloads are data arrays (sources) or events (sinks). */
    public String format() {
        return format;
    }

    public boolean dropOnBackpressure() {
        return dropOnBackpressure;
    }

    public Strategy strategy() {
        return strategy;
    }

    /** Attempts in total (the first one included) under {@code error.strategy = retry}. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Backoff retryBackoff() {
        return retryBackoff;
    }

    /** Between connection attempts of the source or sink: exponential with jitter, unbounded attempts. */
    public Backoff connectBackoff() {
        return connectBackoff;
    }

    /** The dead-letter stream, or null. Also the last resort of {@code retry}. */
    public String dlqStream() {
        return dlqStream;
    }

    public boolean async() {
        return async;
    }

    public int bufferSize() {
        return bufferSize;
    }

    public int batchSizeMax() {
        return batchSizeMax;
    }

    public int workers() {
        return workers;
    }
}
