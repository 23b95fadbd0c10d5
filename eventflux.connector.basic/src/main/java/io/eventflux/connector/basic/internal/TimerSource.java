package io.eventflux.connector.basic.internal;

import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.io.Serializable;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ticks on its own daemon thread at a fixed rate. The other attributes of the event are NULL. Its state is
 * the number of ticks emitted, so a restored app keeps counting ({@code timer:<n>} is each tick's location).
 */
final class TimerSource implements Source {
    private final String name;
    private final Clock clock;
    private final long intervalMillis;
    private final int arity;
    private ScheduledExecutorService executor;
    private volatile boolean paused;
    private long ticks;

    TimerSource(String name, Clock clock, long intervalMillis, int arity) {
        this.name = name;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        this.arity = arity;
    }

    @Override
    public synchronized void start(SourceListener listener) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eventflux-timer-" + name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(() -> tick(listener), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void tick(SourceListener listener) {
        if (paused) {
            return;
        }
        Object[] data = new Object[arity];
        data[0] = clock.millis();
        long n;
        synchronized (this) {
            n = ++ticks;
        }
        listener.onPayload(data, Map.of(SourceListener.LOCATION, "timer:" + n));
    }

    @Override
    public void stop() {
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
            executor = null;
        }
        if (e != null) {
            e.shutdownNow();
            try {
                // Source contract: no listener call after stop() returns
                e.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public synchronized Serializable snapshot() {
        return ticks;
    }

    @Override
    public synchronized void restore(Serializable state) {
        ticks = state == null ? 0 : (Long) state;
    }
}
