package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Disruptor ring with the wall clock: every query runs on the app's writer thread. */
class AsynchronousModeTest {
    private final EventFluxRuntime runtime = TestEngines.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void eventsFromTwoThreadsAllArriveOnTheWriterThread() throws Exception {
        AppRuntime app = runtime.deploy("CREATE STREAM S (t INT, i INT); INSERT INTO Out SELECT t, i FROM S WHERE i >= 0;",
                DeployOptions.defaults().withRingBufferSize(64));
        Collector c = new Collector();
        Set<String> threads = new HashSet<>();
        app.addCallback("Out", events -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName());
            }
        });
        app.addCallback("Out", c);
        int perThread = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        Thread[] senders = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int id = t;
            senders[t] = new Thread(() -> {
                InputHandler in = app.inputHandler("S");
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    in.send(id, i);
                }
            });
            senders[t].start();
        }
        go.countDown();
        for (Thread t : senders) {
            t.join();
        }
        await(() -> c.count() == 2 * perThread);
        assertThat(c.count()).isEqualTo(2 * perThread);
        // per sender, order is kept
        for (int id = 0; id < 2; id++) {
            int sender = id;
            assertThat(c.events().stream().filter(e -> (int) e.get(0) == sender).map(e -> (int) e.get(1)).toList())
                    .isSorted().hasSize(perThread);
        }
        synchronized (threads) {
            assertThat(threads).hasSize(1).allMatch(n -> n.endsWith("-writer"));
        }
    }

    @Test
    void shutdownDrainsTheRingAndFlushesRateLimiters() throws Exception {
        AppRuntime app = runtime.deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT v FROM S OUTPUT ALL EVERY 1000 EVENTS;",
                DeployOptions.defaults());
        Collector c = new Collector();
        app.addCallback("Out", c);
        for (int i = 0; i < 500; i++) {
            app.inputHandler("S").send(i);
        }
        app.shutdown();
        assertThat(c.count()).isEqualTo(500);
    }

    @Test
    void wallClockTimersFireOnTheirOwn() throws Exception {
        AppRuntime app = runtime.deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT sum(v) AS s FROM S WINDOW('timeBatch', 20);",
                DeployOptions.defaults());
        Collector c = new Collector();
        app.addCallback("Out", c);
        long now = app.currentTime();
        app.inputHandler("S").send(java.util.List.of(new Event(now, new Object[] {1}), new Event(now, new Object[] {2})));
        await(() -> c.count() >= 1);
        assertThat(c.events()).extracting(e -> e.get(0)).first().isEqualTo(3L);
    }

    @Test
    void dropBackpressureCountsWhatAFullRingRejects() throws Exception {
        AppRuntime app = runtime.deploy("CREATE STREAM S (v INT) WITH (backpressure = 'drop'); INSERT INTO Out SELECT v FROM S;",
                DeployOptions.defaults().withRingBufferSize(4));
        CountDownLatch release = new CountDownLatch(1);
        Collector c = new Collector();
        app.addCallback("Out", events -> {
            try {
                release.await(10, TimeUnit.SECONDS); // hold the writer so the ring fills up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        app.addCallback("Out", c);
        for (int i = 0; i < 50; i++) {
            app.inputHandler("S").send(new Event(i, new Object[] {i}));
        }
        long dropped = ((AppRuntimeImpl) app).droppedCount("S");
        release.countDown();
        app.shutdown();
        assertThat(dropped).isGreaterThan(0);
        assertThat(c.count() + dropped).isEqualTo(50);
    }
}
