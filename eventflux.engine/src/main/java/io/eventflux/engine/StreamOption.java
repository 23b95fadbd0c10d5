package io.eventflux.engine;

import java.util.List;

/**
 * One of the engine's own {@code WITH} keys of a connector stream (SQL.md section 7): the keys every
 * source and sink stream understands, whatever its connector. The engine reads its defaults from here
 * when it parses a stream's options, and the connector reference ({@code docs/reference/connectors.md})
 * is generated from {@link #ALL}, so the two cannot disagree.
 *
 * @param key the key as written in {@code WITH (...)} (case is ignored)
 * @param type STRING, INT, BOOL or DURATION (milliseconds, or with a unit: {@code '5 sec'})
 * @param defaultValue the value used when the key is absent, or null (no default)
 * @param required whether a connector stream must set it
 * @param allowed the allowed values (empty: any value of the type)
 * @param description one line of help
 */
public record StreamOption(String key, String type, String defaultValue, boolean required, List<String> allowed,
        String description) {
    public static final StreamOption TYPE = new StreamOption("type", "STRING", null, true,
            List.of("source", "sink"), "whether the stream reads from (source) or writes to (sink) the connector");
    public static final StreamOption EXTENSION = new StreamOption("extension", "STRING", null, true, List.of(),
            "the connector's name (see Sources and Sinks)");
    public static final StreamOption FORMAT = new StreamOption("format", "STRING", null, false, List.of(),
            "the mapper's name (see Mappers); absent: payloads are the connector's own data arrays or events");
    public static final StreamOption ASYNC_ENABLED = new StreamOption("async.enabled", "BOOL", "false", false,
            List.of(), "hand a sink's events to worker threads through a ring buffer instead of publishing inline");
    public static final StreamOption ASYNC_BUFFER_SIZE = new StreamOption("async.buffer_size", "INT", "1024", false,
            List.of(), "capacity of the asynchronous ring buffer (1 to 16777216)");
    public static final StreamOption ASYNC_BATCH_SIZE_MAX = new StreamOption("async.batch_size_max", "INT", "256",
            false, List.of(), "at most this many events handed on as one chunk (1 to 16777216)");
    public static final StreamOption ASYNC_WORKERS = new StreamOption("async.workers", "INT", "1", false, List.of(),
            "threads publishing from the ring buffer (1 to 16777216)");
    public static final StreamOption BACKPRESSURE = new StreamOption("backpressure", "STRING", "block", false,
            List.of("block", "drop"), "when a full buffer (the app's ring, a sink's async ring) meets an event: wait for room (block) or drop it (drop)");
    public static final StreamOption ERROR_STRATEGY = new StreamOption("error.strategy", "STRING", "drop", false,
            List.of("drop", "retry", "dlq", "fail"),
            "what happens to an event that cannot be mapped, converted or published");
    public static final StreamOption ERROR_RETRY_MAX_ATTEMPTS = new StreamOption("error.retry.max-attempts", "INT",
            "3", false, List.of(), "attempts in total, the first one included, under error.strategy = retry");
    public static final StreamOption ERROR_RETRY_BACKOFF = new StreamOption("error.retry.backoff", "STRING",
            "exponential", false, List.of("exponential", "linear", "fixed"), "how the delay between retries grows");
    public static final StreamOption ERROR_RETRY_INITIAL_DELAY = new StreamOption("error.retry.initial-delay",
            "DURATION", "100", false, List.of(), "delay before the first retry, in ms (also between reconnections)");
    public static final StreamOption ERROR_RETRY_MAX_DELAY = new StreamOption("error.retry.max-delay", "DURATION",
            "30000", false, List.of(), "longest delay between retries, in ms (at least the initial delay)");
    public static final StreamOption ERROR_DLQ_STREAM = new StreamOption("error.dlq.stream", "STRING", null, false,
            List.of(), "the dead-letter stream (required by error.strategy = dlq; the last resort of retry), "
                    + "declared (originalEvent STRING, errorMessage STRING, errorType STRING, timestamp LONG, "
                    + "attemptCount INT, streamName STRING)");

    /** Every key, in the order of SQL.md section 7. */
    public static final List<StreamOption> ALL = List.of(TYPE, EXTENSION, FORMAT, ASYNC_ENABLED, ASYNC_BUFFER_SIZE,
            ASYNC_BATCH_SIZE_MAX, ASYNC_WORKERS, BACKPRESSURE, ERROR_STRATEGY, ERROR_RETRY_MAX_ATTEMPTS,
            ERROR_RETRY_BACKOFF, ERROR_RETRY_INITIAL_DELAY, ERROR_RETRY_MAX_DELAY, ERROR_DLQ_STREAM);

    public StreamOption {
        allowed = List.copyOf(allowed);
    }

    /** The default as a number (for INT and DURATION keys). @throws IllegalStateException if there is none */
    public long defaultLong() {
        if (defaultValue == null) {
            throw new IllegalStateException("option '" + key + "' has no default");
        }
        return Long.parseLong(defaultValue);
    }
}
