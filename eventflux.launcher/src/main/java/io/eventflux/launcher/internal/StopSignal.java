package io.eventflux.launcher.internal;

import java.util.concurrent.CountDownLatch;

/** Tells a long-running command to stop: Ctrl-C (a JVM shutdown hook) or the framework stopping. */
final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);

    /** Asks the command to stop. Idempotent. */
    void request() {
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Blocks until a stop is requested. */
    void awaitRequest() throws InterruptedException {
        requested.await();
    }
}
