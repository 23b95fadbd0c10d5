package io.eventflux.engine.internal.app;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.util.List;
import java.util.function.Supplier;

/**
 * Inline (synchronous) mode: the sender's thread runs the queries under the app's lock ({@link WriterLock}). The lock is
 * reentrant so a callback may send into the same app.
 */
final class InlineDriver implements Driver {
    private final String app;
    private final WriterCore core;
    private final WallWaker waker;
    private final WriterLock lock = new WriterLock();
    private volatile boolean stopped;

    InlineDriver(String app, WriterCore core, WallWaker waker) {
        this.app = app;
        this.core = core;
        this.waker = waker;
        if (waker != null) {
            waker.onTick(this::wake);
        }
    }

    private void checkRunning() {
        if (stopped) {
            throw new IllegalStateException("app '" + app + "' is stopped");
        }
    }

    @Override
    public void send(StreamJunction junction, Event event) {
        lock.lock();
        try {
            checkRunning();
            core.onEvent(junction, event);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void sendNow(StreamJunction junction, Clock clock, Object[] row) {
        lock.lock();
        try {
            checkRunning();
            core.onEventNow(junction, clock, row);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void send(StreamJunction junction, List<Event> events) {
        lock.lock();
        try {
            checkRunning();
            core.onEvents(junction, events);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean trySend(StreamJunction junction, List<Event> events) {
        send(junction, events);
        return true;
    }

    @Override
    public boolean isWriterThread() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    public void route(StreamJunction junction, Event event) {
        send(junction, event);
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            checkRunning();
            task.run();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void advanceTime(long time) {
        lock.lock();
        try {
            checkRunning();
            core.onAdvance(time);
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        lock.lock();
        try {
            if (!stopped) {
                waker.woke();
                core.onWake();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T call(Supplier<T> task) {
        lock.lock();
        try {
            return task.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        lock.lock();
        try {
            core.onStart();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void shutdown(boolean flushRateLimiters) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            stopped = true;
            if (waker != null) {
                waker.close();
            }
            core.onShutdown(flushRateLimiters);
        } finally {
            lock.unlock();
        }
    }
}
