package io.eventflux.engine.internal.io;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.engine.StreamOption;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's own keys of one connector stream (SQL.md section 7, described with their defaults by
 * {@link StreamOption}), parsed and checked once at deploy:
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
        String type = required(StreamOption.TYPE).toLowerCase(Locale.ROOT);
        if (!StreamOption.TYPE.allowed().contains(type)) {
            throw invalid(StreamOption.TYPE.key(), required(StreamOption.TYPE), "source or sink");
        }
        this.source = type.equals("source");
        this.extension = required(StreamOption.EXTENSION);
        String f = get(StreamOption.FORMAT.key());
        this.format = f == null || f.isBlank() ? null : f.trim();
        this.dropOnBackpressure = oneOf(StreamOption.BACKPRESSURE).equals("drop");
        this.strategy = Strategy.valueOf(oneOf(StreamOption.ERROR_STRATEGY).toUpperCase(Locale.ROOT));
        long attempts = spec.longOption(StreamOption.ERROR_RETRY_MAX_ATTEMPTS.key(),
                StreamOption.ERROR_RETRY_MAX_ATTEMPTS.defaultLong());
        if (attempts < 1) {
            throw invalid(StreamOption.ERROR_RETRY_MAX_ATTEMPTS.key(), String.valueOf(attempts), "at least 1");
        }
        this.maxAttempts = (int) Math.min(attempts, Integer.MAX_VALUE);
        long initial = spec.durationMillis(StreamOption.ERROR_RETRY_INITIAL_DELAY.key(),
                StreamOption.ERROR_RETRY_INITIAL_DELAY.defaultLong());
        long max = spec.durationMillis(StreamOption.ERROR_RETRY_MAX_DELAY.key(),
                StreamOption.ERROR_RETRY_MAX_DELAY.defaultLong());
        if (initial < 0 || max < initial) {
            throw invalid(StreamOption.ERROR_RETRY_MAX_DELAY.key(), String.valueOf(max),
                    "at least error.retry.initial-delay (" + initial + " ms)");
        }
        Backoff.Kind kind = Backoff.Kind.valueOf(oneOf(StreamOption.ERROR_RETRY_BACKOFF).toUpperCase(Locale.ROOT));
        this.retryBackoff = new Backoff(kind, initial, max, 0);
        // reconnecting always backs off exponentially, with jitter so that many streams do not reconnect in step
        this.connectBackoff = new Backoff(Backoff.Kind.EXPONENTIAL, Math.max(1, initial), Math.max(1, max), 0.2);
        String dlq = get(StreamOption.ERROR_DLQ_STREAM.key());
        this.dlqStream = dlq == null || dlq.isBlank() ? null : dlq.trim();
        if (strategy == Strategy.DLQ && dlqStream == null) {
            throw new IllegalArgumentException("stream " + name() + ": error.strategy = 'dlq' needs "
                    + "'error.dlq.stream', a stream declared " + DLQ_SCHEMA);
        }
        this.async = spec.booleanOption(StreamOption.ASYNC_ENABLED.key(),
                Boolean.parseBoolean(StreamOption.ASYNC_ENABLED.defaultValue()));
        this.bufferSize = positive(StreamOption.ASYNC_BUFFER_SIZE);
        this.batchSizeMax = positive(StreamOption.ASYNC_BATCH_SIZE_MAX);
        this.workers = positive(StreamOption.ASYNC_WORKERS);
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

    private String required(StreamOption option) {
        String key = option.key();
        String v = get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("stream " + name() + ": option '" + key + "' is required");
        }
        return v.trim();
    }

    private String oneOf(StreamOption option) {
        String key = option.key();
        String v = get(key);
        if (v == null || v.isBlank()) {
            return option.defaultValue();
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (!option.allowed().contains(t)) {
            throw invalid(key, v, "one of " + new java.util.TreeSet<>(option.allowed()));
        }
        return t;
    }

    private int positive(StreamOption option) {
        String key = option.key();
        long v = spec.longOption(key, option.defaultLong());
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
