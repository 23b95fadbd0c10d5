package io.eventflux.api;

/**
 * How to deploy an app.
 *
 * @param name the app's name; null takes it from {@code @app:name} in the SQL or a generated one
 * @param clock wall clock or playback (event time)
 * @param synchronous true runs queries on the sender's thread (inline mode) instead of a ring buffer
 * @param ringBufferSize ring buffer capacity per app in asynchronous mode (a power of two)
 */
public record DeployOptions(String name, ClockMode clock, boolean synchronous, int ringBufferSize) {
    public static final int DEFAULT_RING_BUFFER_SIZE = 4096;

    public DeployOptions {
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        if (ringBufferSize <= 0 || Integer.bitCount(ringBufferSize) != 1) {
            throw new IllegalArgumentException("ringBufferSize must be a power of two, was " + ringBufferSize);
        }
    }

    /** Wall clock, asynchronous, default ring size, name from the SQL. */
    public static DeployOptions defaults() {
        return new DeployOptions(null, ClockMode.WALL, false, DEFAULT_RING_BUFFER_SIZE);
    }

    /** Playback clock and inline processing: deterministic, as {@code eventflux replay} runs. */
    public static DeployOptions playback() {
        return new DeployOptions(null, ClockMode.PLAYBACK, true, DEFAULT_RING_BUFFER_SIZE);
    }

    public DeployOptions withName(String newName) {
        return new DeployOptions(newName, clock, synchronous, ringBufferSize);
    }

    public DeployOptions withClock(ClockMode newClock) {
        return new DeployOptions(name, newClock, synchronous, ringBufferSize);
    }

    public DeployOptions withSynchronous(boolean inline) {
        return new DeployOptions(name, clock, inline, ringBufferSize);
    }

    public DeployOptions withRingBufferSize(int size) {
        return new DeployOptions(name, clock, synchronous, size);
    }
}
