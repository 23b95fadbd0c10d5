package io.eventflux.connector.rabbitmq.internal;

import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Consumes one queue ({@link ConsumerSession} per connection). The queue itself is the position: nothing
 * goes into app snapshots, and what the app had not processed when the source stopped or lost its
 * connection was not acknowledged and is delivered again.
 */
final class RabbitSource implements Source {
    private static final long PAUSE_CHECK_MILLIS = 100;

    private final RabbitOptions options;
    private final Object pauseLock = new Object();
    private boolean paused;
    private ConsumerSession session;

    RabbitSource(RabbitOptions options) {
        this.options = options;
    }

    @Override
    public synchronized void start(SourceListener listener) throws IOException {
        if (session != null) {
            throw new IllegalStateException(options.owner() + ": the rabbitmq source is already started");
        }
        session = ConsumerSession.open(options, listener, this::awaitResumed);
    }

    @Override
    public void stop() {
        ConsumerSession s;
        synchronized (this) {
            s = session;
            session = null;
        }
        if (s != null) {
            s.stop();
        }
    }

    @Override
    public void pause() {
        synchronized (pauseLock) {
            paused = true;
        }
    }

    @Override
    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    /** On the consumer thread: holds the delivery while paused (the broker stops at the prefetch limit). */
    private boolean awaitResumed(BooleanSupplier stopping) throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && !stopping.getAsBoolean()) {
                pauseLock.wait(PAUSE_CHECK_MILLIS);
            }
        }
        return !stopping.getAsBoolean();
    }

    @Override
    public String toString() {
        return "rabbitmq source " + options;
    }
}
