package io.eventflux.connector.tcp.internal;

import io.eventflux.api.io.ConnectorSpec;

/**
 * The sink's reconnect backoff ({@code tcp.retry.*}): attempt {@code n} (1-based) is followed by a wait of
 * {@code initialDelay * 2^(n-1)}, at most {@code maxDelay}.
 *
 * @param maxAttempts attempts in all to deliver one chunk, the first included (1 = no retry)
 * @param initialDelayMillis the wait after the first failed attempt
 * @param maxDelayMillis the longest wait
 */
record RetryPolicy(int maxAttempts, long initialDelayMillis, long maxDelayMillis) {
    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final long DEFAULT_INITIAL_DELAY = 100;
    static final long DEFAULT_MAX_DELAY = 10_000;

    static RetryPolicy of(ConnectorSpec spec) {
        long attempts = TcpKeys.positive(spec, TcpKeys.RETRY_MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS);
        if (attempts > 1_000) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '"
                    + TcpKeys.RETRY_MAX_ATTEMPTS + "' must be at most 1000, was " + attempts);
        }
        long initial = TcpKeys.positiveMillis(spec, TcpKeys.RETRY_INITIAL_DELAY, DEFAULT_INITIAL_DELAY);
        long max = TcpKeys.positiveMillis(spec, TcpKeys.RETRY_MAX_DELAY, Math.max(DEFAULT_MAX_DELAY, initial));
        if (max < initial) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '"
                    + TcpKeys.RETRY_MAX_DELAY + "' (" + max + " ms) is shorter than '" + TcpKeys.RETRY_INITIAL_DELAY
                    + "' (" + initial + " ms)");
        }
        return new RetryPolicy((int) attempts, initial, max);
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    long delayMillis(int attempt) {
        int shift = Math.min(attempt - 1, 30);
        long backoff = initialDelayMillis << shift;
        return backoff <= 0 ? maxDelayMillis : Math.min(maxDelayMillis, backoff);
    }
}
