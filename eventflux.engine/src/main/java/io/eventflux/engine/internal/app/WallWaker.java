package io.eventflux.engine.internal.app;

import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.time.TimerQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock timers: when the earliest timer changes, arms a one-shot wake-up on a per-app scheduler
 * thread, which hands the writer a "look at your timers" tick (through the ring, or under the app lock).
 * {@link #wakeAt} and {@link #woke} run on the writer only.
 */
final class WallWaker implements TimerQueue.Waker, AutoCloseable {
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private Runnable tick = () -> { };
    private long armedAt = Long.MAX_VALUE;

    WallWaker(String appName, Clock clock) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eventflux-" + appName + "-timer");
            t.setDaemon(true);
            return t;
        });
    }

    void onTick(Runnable action) {
        this.tick = action;
    }

    @Override
    public void wakeAt(long time) {
        if (time >= armedAt) {
            return;
        }
        armedAt = time;
        long delay = Math.max(1, time - clock.now());
        try {
            executor.schedule(() -> tick.run(), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // shutting down: timers no longer fire
        }
    }

    /** The writer took a tick: the next wakeAt arms again. */
    void woke() {
        armedAt = Long.MAX_VALUE;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
