package io.eventflux.engine.internal.io;

import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connects a source or sink: the first attempt on the caller's thread (the deploy call), later ones on
 * the runtime's shared connector scheduler after an exponential backoff with jitter, so a connector that
 * cannot connect blocks neither the deploy nor other apps. Each failed attempt is logged once, with the
 * exception's message only (connectors must not put secrets there; the options are never logged).
 */
final class ConnectionRetry {
    private static final System.Logger LOG = System.getLogger(ConnectionRetry.class.getName());

    /** One connection attempt. */
    interface Attempt {
        void run() throws Exception;
    }

    private final String what;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final Attempt attempt;
    private final Object lock = new Object();
    private boolean cancelled;
    // read without the lock: the writer asks on every publish, while an attempt may hold the lock for long
    private volatile boolean connected;
    private int failures;
    private ScheduledFuture<?> pending;

    /** @param what names the connector in log lines: "app 'a', stream S: source 'kafka'" */
    ConnectionRetry(String what, Backoff backoff, ScheduledExecutorService scheduler, Attempt attempt) {
        this.what = what;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.attempt = attempt;
    }

    /** Tries now, on this thread; on failure keeps trying in the background. */
    void connect() {
        synchronized (lock) {
            cancelled = false;
            connected = false;
        }
        tryOnce();
    }

    /**
     * The connection was lost: runs {@code disconnect} on the scheduler (never on the caller's thread,
     * which may be the connector's own), then tries again after the first backoff delay.
     */
    void reconnect(Runnable disconnect) {
        synchronized (lock) {
            if (cancelled || pending != null) {
                return;
            }
            connected = false;
            failures = Math.max(failures, 1);
            long delay = backoff.delayMillis(failures);
            try {
                pending = scheduler.schedule(() -> {
                    try {
                        disconnect.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, what + ": failed to disconnect: " + e);
                    }
                    tryOnce();
                }, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the runtime is closing: no more attempts
            }
        }
    }

    boolean isConnected() {
        return connected;
    }

    /** Stops retrying; returns after any attempt in progress has ended, and whether it was connected. */
    boolean cancel() {
        synchronized (lock) {
            boolean was = connected;
            cancelled = true;
            connected = false;
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
            return was;
        }
    }

    private void tryOnce() {
        synchronized (lock) {
            pending = null;
            if (cancelled) {
                return;
            }
            try {
                attempt.run();
                connected = true;
                if (failures > 0) {
                    LOG.log(Level.INFO, what + ": connected after " + failures + " failed attempt(s)");
                }
                failures = 0;
            } catch (Exception e) {
                failures++;
                long delay = backoff.delayMillis(failures);
                LOG.log(Level.WARNING, what + ": connection attempt " + failures + " failed: " + e
                        + "; retrying in " + delay + " ms");
                schedule(delay);
            }
        }
    }

    private void schedule(long delayMillis) {
        try {
            pending = scheduler.schedule(this::tryOnce, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // the runtime is closing: no more attempts
        }
    }
}
