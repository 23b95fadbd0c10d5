package io.eventflux.connector.http.internal;

import io.eventflux.api.io.ConnectorSpec;

/**
 * Exponential backoff of the sink ({@code http.retry.*}): attempt {@code n} (1-based) is followed by a wait
 * of {@code initialDelay * 2^(n-1)}, at most {@code maxDelay}.
 *
 * @param maxAttempts attempts in all, the first included (1 = no retry)
 * @param initialDelayMillis the wait after the first failed attempt
 * @param maxDelayMillis the longest wait, also the cap of a server's {@code Retry-After}
 */
record RetryPolicy(int maxAttempts, long initialDelayMillis, long maxDelayMillis) {
    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final long DEFAULT_INITIAL_DELAY = 100;
    static final long DEFAULT_MAX_DELAY = 10_000;

    static RetryPolicy of(ConnectorSpec spec) {
        long attempts = HttpKeys.positive(spec, HttpKeys.RETRY_MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS);
        if (attempts > 1_000) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '"
                    + HttpKeys.RETRY_MAX_ATTEMPTS + "' must be at most 1000, was " + attempts);
        }
        long initial = HttpKeys.positiveMillis(spec, HttpKeys.RETRY_INITIAL_DELAY, DEFAULT_INITIAL_DELAY);
        long max = HttpKeys.positiveMillis(spec, HttpKeys.RETRY_MAX_DELAY, Math.max(DEFAULT_MAX_DELAY, initial));
        if (max < initial) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '"
                    + HttpKeys.RETRY_MAX_DELAY + "' (" + max + " ms) is shorter than '" + HttpKeys.RETRY_INITIAL_DELAY
                    + "' (" + initial + " ms)");
        }
        return new RetryPolicy((int) attempts, initial, max);
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based).
     *
     * @param retryAfterMillis what the server asked for in {@code Retry-After}, or -1
     */
    long delayMillis(int attempt, long retryAfterMillis) {
        int shift = Math.min(attempt - 1, 30);
        long backoff = Math.min(maxDelayMillis, initialDelayMillis << shift);
        if (backoff < 0) {
            backoff = maxDelayMillis;
        }
        return Math.min(maxDelayMillis, Math.max(backoff, retryAfterMillis));
    }
}
