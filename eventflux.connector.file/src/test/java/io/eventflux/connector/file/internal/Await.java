package io.eventflux.connector.file.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/** Bounded polling for what another thread does. */
final class Await {
    private Await() {
    }

    /** Waits until {@code condition} holds. @throws AssertionError naming {@code what} after {@code timeout} */
    static void until(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, condition, Duration.ofSeconds(10));
    }

    /** Lets {@code duration} pass, for checks that something does NOT happen within a few poll intervals. */
    static void during(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(deadline - System.nanoTime());
        }
    }
}
