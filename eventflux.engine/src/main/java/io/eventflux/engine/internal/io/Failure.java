package io.eventflux.engine.internal.io;

/**
 * One event (or payload) that could not be handled, as the error strategy and the dead-letter stream see it.
 *
 * @param original the payload or the event's data, as text
 * @param message what went wrong, naming the stream, the attribute and the value where known
 * @param type {@link #MAPPING}, {@link #TYPE_MISMATCH}, {@link #SINK} or {@link #NOT_CONNECTED}
 * @param attempts how many times it was tried
 */
public record Failure(String original, String message, String type, int attempts) {
    /** A payload the stream's format cannot read (malformed JSON, a value of the wrong kind). */
    public static final String MAPPING = "MAPPING";
    /** A data array whose value does not fit the attribute's type. */
    public static final String TYPE_MISMATCH = "TYPE_MISMATCH";
    /** The sink's publish or flush threw. */
    public static final String SINK = "SINK";
    /** The sink was not connected (still retrying its connection). */
    public static final String NOT_CONNECTED = "NOT_CONNECTED";

    Failure withAttempts(int n) {
        return new Failure(original, message, type, n);
    }
}
