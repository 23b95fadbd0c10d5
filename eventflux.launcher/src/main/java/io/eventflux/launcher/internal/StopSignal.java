package io.eventflux.launcher.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a long-running command to stop (Ctrl-C, or the framework stopping), and tells whoever asked
 * when the command has finished its graceful shutdown.
 */
final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

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

    /** Called by the command when it has shut down. */
    void finished() {
        finished.countDown();
    }

    /** Waits (bounded) until the command has shut down. */
    boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }
}
