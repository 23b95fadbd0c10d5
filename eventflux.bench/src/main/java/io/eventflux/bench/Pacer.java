package io.eventflux.bench;

import java.util.function.LongSupplier;

/**
 * Paces a producer at a steady rate by deadline: event {@code i} is due at {@code start + i / rate} (never
 * "sleep a period after the previous send", which drifts and hides stalls). A producer that falls behind
 * sends the overdue events at once, each still with its own intended time, so a latency measured from
 * {@link #intended} counts the time an event waited to be sent (no coordinated omission).
 */
final class Pacer {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LongSupplier clock;
    private final long start;
    private final long rate;
    private final Runnable idle;

    /**
     * @param clock nanoseconds ({@code System::nanoTime}, or a virtual clock in tests)
     * @param start the intended time of event 0, on {@code clock}
     * @param rate events per second, at least 1
     * @param idle what the producer does between two looks at the clock: {@code Thread::onSpinWait} keeps
     *        a core busy, {@code Thread::yield} lets other runnable threads (the app's writer) have it
     */
    Pacer(LongSupplier clock, long start, long rate, Runnable idle) {
        if (rate < 1) {
            throw new IllegalArgumentException("rate must be at least 1 event/s, was " + rate);
        }
        this.clock = clock;
        this.start = start;
        this.rate = rate;
        this.idle = idle;
    }

    /** When event {@code i} is due. */
    long intended(long i) {
        // i * 1e9 stays below Long.MAX_VALUE up to i = 9.2e9 events
        return start + i * NANOS_PER_SECOND / rate;
    }

    /** Waits until event {@code i} is due (returns at once when it is overdue); returns its intended time. */
    long awaitTurn(long i) {
        long due = intended(i);
        while (clock.getAsLong() - due < 0) {
            idle.run();
        }
        return due;
    }
}
