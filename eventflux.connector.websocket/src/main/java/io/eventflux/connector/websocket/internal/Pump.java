package io.eventflux.connector.websocket.internal;

import io.eventflux.api.io.SourceListener;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Hands the messages of one source's connections to the engine without blocking Jetty's threads: each
 * message is offered; when the app is full (or the source paused) it is offered again later from a small
 * timer, and only once it is taken does the connection ask Jetty for the next message. A connection that
 * does not ask reads nothing more, so its peer's writes back up: backpressure through WebSocket flow
 * control and TCP, with one message held per connection.
 *
 * <p>{@link #close()} returns once no call to the listener is in progress, and none follows.
 */
final class Pump {
    private static final System.Logger LOG = System.getLogger(Pump.class.getName());
    private static final long MAX_RETRY_MILLIS = 50;

    private final String owner;
    private final SourceListener listener;
    private final ScheduledExecutorService timer;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean closed;
    private volatile boolean paused;

    Pump(String owner, String threadName, SourceListener listener) {
        this.owner = owner;
        this.listener = listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    SourceListener listener() {
        return listener;
    }

    /**
     * Offers the payload; {@code next} runs once it was taken (it asks for the next message).
     *
     * @param failed runs instead when the listener throws ({@code error.strategy = fail}): the connection ends
     */
    void hand(Object payload, Map<String, String> headers, Runnable next, Runnable failed) {
        attempt(payload, headers, next, failed, 1);
    }

    private void attempt(Object payload, Map<String, String> headers, Runnable next, Runnable failed, int attempt) {
        Boolean taken = offer(payload, headers, failed);
        if (taken == null) {
            return; // closed, or failed
        }
        if (taken) {
            next.run();
            return;
        }
        long delay = Math.min(MAX_RETRY_MILLIS, 1L << Math.min(attempt - 1, 6));
        try {
            timer.schedule(() -> attempt(payload, headers, next, failed, attempt + 1), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // closing: the message is not taken, as for any message in flight when a source stops
        }
    }

    /** True: taken; false: not now; null: closed or the listener failed. */
    private Boolean offer(Object payload, Map<String, String> headers, Runnable failed) {
        gate.readLock().lock();
        try {
            if (closed) {
                return null;
            }
            if (paused) {
                return false;
            }
            return listener.offer(payload, headers);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, owner + ": the engine refused a websocket message at "
                    + headers.get(SourceListener.LOCATION) + ": " + e.getMessage());
            failed.run();
            return null;
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Reports a message that cannot be read (too large) to the error strategy. */
    void unreadable(Object payload, String reason, Map<String, String> headers) {
        gate.readLock().lock();
        try {
            if (!closed) {
                listener.onUnreadable(payload, reason, headers);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, owner + ": " + e.getMessage());
        } finally {
            gate.readLock().unlock();
        }
    }

    void pause(boolean pause) {
        paused = pause;
    }

    void close() {
        gate.writeLock().lock();
        try {
            closed = true;
        } finally {
            gate.writeLock().unlock();
        }
        timer.shutdownNow();
    }
}
