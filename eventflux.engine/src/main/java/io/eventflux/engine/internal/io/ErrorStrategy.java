package io.eventflux.engine.internal.io;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.app.Driver;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.util.function.Consumer;

/**
 * The last word on a failed event of one connector stream ({@code error.strategy}): {@code drop} counts it
 * and logs (at most one line per {@value DropLog#INTERVAL_SECONDS} s with the number of suppressed lines),
 * {@code dlq} sends a dead-letter event into {@code error.dlq.stream}, {@code fail} fails the app, and
 * {@code retry} (whose attempts the caller makes) ends in the dead-letter stream when one is set, else
 * in a drop. Thread-safe.
 */
final class ErrorStrategy {
    private static final System.Logger LOG = System.getLogger(ErrorStrategy.class.getName());
    static final long DLQ_WAIT_MILLIS = 1000;

    private final ConnectorOptions options;
    private final StreamCounters counters;
    private final StreamJunction dlq;
    private final Driver driver;
    private final Clock clock;
    private final Consumer<String> failApp;
    private final boolean neverBlock;
    private final DropLog dropLog = new DropLog(LOG, "");

    /**
     * @param dlq the dead-letter stream's junction, or null when none is set
     * @param failApp fails the app with a reason (returns at once; the app stops in the background)
     * @param neverBlock true on an async sink's worker: the writer may be waiting for room in that sink's
     *     queue, so a dead-letter event waits at most {@value #DLQ_WAIT_MILLIS} ms for room in the ring and is
     *     then dropped (counted, logged) rather than deadlock
     */
    ErrorStrategy(ConnectorOptions options, StreamCounters counters, StreamJunction dlq, Driver driver, Clock clock,
            Consumer<String> failApp, boolean neverBlock) {
        this.neverBlock = neverBlock;
        this.options = options;
        this.counters = counters;
        this.dlq = dlq;
        this.driver = driver;
        this.clock = clock;
        this.failApp = failApp;
    }

    ConnectorOptions.Strategy strategy() {
        return options.strategy();
    }

    /** Whether the caller should try again (the strategy is {@code retry} and attempts remain). */
    boolean retries(int attemptsMade) {
        return options.strategy() == ConnectorOptions.Strategy.RETRY && attemptsMade < options.maxAttempts();
    }

    /** Waits before retry number {@code retry}; false when interrupted (stopping). */
    boolean waitBeforeRetry(int retry) {
        counters.countRetry();
        long nanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(options.retryBackoff().delayMillis(retry));
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Handles a failure that will not be retried (any more).
     *
     * @return true when the app is failing ({@code error.strategy = fail})
     */
    boolean handle(Failure failure) {
        counters.countError();
        switch (options.strategy()) {
            case FAIL -> {
                failApp.accept(failure.message());
                return true;
            }
            case DLQ, RETRY -> {
                if (dlq != null) {
                    deadLetter(failure);
                } else {
                    drop(failure);
                }
            }
            case DROP -> drop(failure);
        }
        return false;
    }

    private void deadLetter(Failure f) {
        Object[] data = {f.original(), f.message(), f.type(), clock.now(), f.attempts(), options.stream()};
        Event event = new Event(clock.now(), data);
        try {
            if (neverBlock) {
                if (!offer(event)) {
                    drop(new Failure(f.original(), f.message() + "; dead-letter stream " + dlq.name()
                            + " had no room for " + DLQ_WAIT_MILLIS + " ms", f.type(), f.attempts()));
                    return;
                }
            } else {
                driver.route(dlq, event);
            }
            counters.countDeadLettered();
        } catch (RuntimeException e) {
            // the app is stopping: nowhere left to put it
            drop(new Failure(f.original(), f.message() + "; dead-letter stream " + dlq.name() + " failed: "
                    + e.getMessage(), f.type(), f.attempts()));
        }
    }

    private boolean offer(Event event) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(DLQ_WAIT_MILLIS);
        java.util.List<Event> one = java.util.List.of(event);
        while (!driver.trySend(dlq, one)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }

    private void drop(Failure f) {
        counters.countDropped();
        dropLog.dropped("(" + f.type() + ", " + f.attempts() + " attempt(s)): " + f.message());
    }
}
