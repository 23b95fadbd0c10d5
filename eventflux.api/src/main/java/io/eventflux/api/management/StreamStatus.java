package io.eventflux.api.management;

import java.util.Objects;

/**
 * One stream of an app and its counters.
 *
 * @param name the stream's name
 * @param input whether events enter the app here (no query of the app inserts into it)
 * @param output whether some query of the app inserts into it
 * @param connector the connector attached to it as {@code source:NAME} or {@code sink:NAME}, or null
 * @param events events that went through the stream (every chunk published into it)
 * @param dropped events dropped on backpressure ({@code backpressure = 'drop'})
 * @param errors events of its connector that failed to map, convert or publish
 * @param deadLettered failed events sent to its dead-letter stream
 * @param late late events of an event-timed stream ({@code event.time}), wherever they went (since 1.2)
 */
public record StreamStatus(String name, boolean input, boolean output, String connector, long events, long dropped,
        long errors, long deadLettered, long late) {
    public StreamStatus {
        Objects.requireNonNull(name, "name");
    }

    /** A stream without late events (the constructor of 1.1). */
    public StreamStatus(String name, boolean input, boolean output, String connector, long events, long dropped,
            long errors, long deadLettered) {
        this(name, input, output, connector, events, dropped, errors, deadLettered, 0);
    }
}
