package io.eventflux.engine.internal.io;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connector scheduler of one runtime: connection retries, source restarts and failing apps' shutdowns
 * run there, never on a deploy call or another app's threads. Two daemon threads, created on first use
 * (a runtime without connectors starts none) and shut down with the runtime; a runtime used again after
 * {@link #close()} gets new ones.
 */
public final class ConnectorThreads implements AutoCloseable {
    private static final int THREADS = 2;

    private final String name;
    private final AtomicInteger count = new AtomicInteger();
    private ScheduledThreadPoolExecutor executor;

    /** @param name prefix of the threads' names */
    public ConnectorThreads(String name) {
        this.name = name;
    }

    /** The scheduler, started on first use. */
    public synchronized ScheduledExecutorService scheduler() {
        if (executor == null || executor.isShutdown()) {
            executor = new ScheduledThreadPoolExecutor(THREADS, r -> {
                Thread t = new Thread(r, name + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        return executor;
    }

    /** Cancels pending retries and stops the threads (running tasks are interrupted). */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
