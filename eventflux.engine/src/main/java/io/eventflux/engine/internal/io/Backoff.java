package io.eventflux.engine.internal.io;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between attempts: {@code fixed} waits the initial delay each time, {@code linear} the initial
 * delay times the attempt number, {@code exponential} doubles it each time; never more than the maximum.
 * A jitter of 0.2 spreads each delay uniformly over ±20%.
 */
public record Backoff(Kind kind, long initialMillis, long maxMillis, double jitter) {
    public enum Kind {
        EXPONENTIAL, LINEAR, FIXED
    }

    /** The delay before retry number {@code retry} (1 = the first retry), in milliseconds. */
    public long delayMillis(int retry) {
        int n = Math.max(1, retry);
        long base = switch (kind) {
            case FIXED -> initialMillis;
            case LINEAR -> saturatedMultiply(initialMillis, n);
            case EXPONENTIAL -> saturatedMultiply(initialMillis, n >= 62 ? Long.MAX_VALUE : 1L << (n - 1));
        };
        long capped = Math.min(base, maxMillis);
        if (jitter <= 0 || capped == 0) {
            return capped;
        }
        double factor = 1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Math.max(0, Math.min(maxMillis, Math.round(capped * factor)));
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
