package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.ClockMode;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import io.eventflux.api.config.AppConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code @app:async(wait = ..., batch_size_max = ...)}: the ring's wait strategies and the writer's batching. */
class AsyncRingOptionsTest {
    private static final String PASS = "CREATE STREAM S (v INT); INSERT INTO Out SELECT v FROM S;";

    private final EventFluxRuntime runtime = TestEngines.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static List<Integer> values(Collector c) {
        return c.events().stream().map(e -> (Integer) e.get(0)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "sleeping", "yielding", "busy-spin", "BUSY_SPIN"})
    void everyWaitStrategyDeliversEveryEventInOrderAndShutsDown(String wait) throws Exception {
        AppRuntime app = runtime.deploy("@app:async(wait = '" + wait + "')\n" + PASS,
                DeployOptions.defaults().withRingBufferSize(64));
        Collector c = new Collector();
        app.addCallback("Out", c);
        InputHandler in = app.inputHandler("S");
        int sent = 0;
        // bursts with a pause for the output in between: the writer goes idle (parks, sleeps, spins) each time
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 50; i++) {
                in.send(sent++);
            }
            int expected = sent;
            await(() -> c.count() == expected);
        }
        app.shutdown();
        assertThat(values(c)).containsExactlyElementsOf(IntStream.range(0, sent).boxed().toList());
    }

    /** Holds the writer in the callback of event 0, sends 1..100 into the ring, then lets it go. */
    private static List<Integer> chunkSizesAfterABacklog(AppRuntime app, Collector c, boolean timestamped)
            throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        app.addCallback("Out", events -> {
            if (first.getAndSet(false)) {
                held.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        app.addCallback("Out", c);
        InputHandler in = app.inputHandler("S");
        for (int i = 0; i <= 100; i++) {
            if (timestamped) {
                in.send(new Event(1_000 + i, new Object[] {i}));
            } else {
                in.send(i);
            }
            if (i == 0) {
                assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
            }
        }
        release.countDown();
        await(() -> c.count() == 101);
        assertThat(values(c)).containsExactlyElementsOf(IntStream.rangeClosed(0, 100).boxed().toList());
        return c.chunks().stream().map(List::size).toList();
    }

    @Test
    void eventsWaitingInTheRingAreProcessedAsChunksOfAtMostBatchSizeMax() throws Exception {
        AppRuntime app = runtime.deploy("@app:async(batch_size_max = '16')\n" + PASS,
                DeployOptions.defaults().withRingBufferSize(256));
        Collector c = new Collector();
        assertThat(chunkSizesAfterABacklog(app, c, false)).containsExactly(1, 16, 16, 16, 16, 16, 16, 4);
    }

    @Test
    void batchSizeMaxOneKeepsEveryEventItsOwnChunk() throws Exception {
        AppRuntime app = runtime.deploy("@app:async(batch_size_max = 1)\n" + PASS,
                DeployOptions.defaults().withRingBufferSize(256));
        Collector c = new Collector();
        assertThat(chunkSizesAfterABacklog(app, c, false)).hasSize(101).containsOnly(1);
    }

    @Test
    void thePlaybackClockNeverBatchesSoTimersFireBetweenEvents() throws Exception {
        AppRuntime app = runtime.deploy(PASS,
                DeployOptions.defaults().withClock(ClockMode.PLAYBACK).withRingBufferSize(256));
        Collector c = new Collector();
        assertThat(chunkSizesAfterABacklog(app, c, true)).hasSize(101).containsOnly(1);
    }

    @Test
    void aBatchNeverMixesStreamsSoTheOrderAcrossStreamsIsKept() throws Exception {
        AppRuntime app = runtime.deploy("""
                CREATE STREAM A (v INT); CREATE STREAM B (v INT);
                INSERT INTO Out SELECT v FROM A;
                INSERT INTO Out SELECT v FROM B;
                """, DeployOptions.defaults().withRingBufferSize(256));
        CountDownLatch release = new CountDownLatch(1);
        Collector c = new Collector();
        app.addCallback("Out", events -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        app.addCallback("Out", c);
        InputHandler a = app.inputHandler("A");
        InputHandler b = app.inputHandler("B");
        // A A A B B A B ... : runs of one stream may share a chunk, a change of stream always cuts it
        int[] pattern = {0, 0, 0, 1, 1, 0, 1, 0, 0, 1};
        for (int i = 0; i < 100; i++) {
            (pattern[i % pattern.length] == 0 ? a : b).send(i);
        }
        release.countDown();
        await(() -> c.count() == 100);
        assertThat(values(c)).containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
        for (List<Event> chunk : c.chunks()) {
            int first = (Integer) chunk.get(0).get(0);
            int stream = pattern[first % pattern.length];
            assertThat(chunk).allMatch(e -> pattern[(Integer) e.get(0) % pattern.length] == stream);
        }
    }

    @Test
    void anUnknownWaitStrategyIsRejectedNamingTheOptionAndTheChoices() {
        assertThatThrownBy(() -> runtime.deploy("@app:async(wait = 'spinning')\n" + PASS, DeployOptions.defaults()))
                .hasMessageContaining("async.wait = 'spinning'")
                .hasMessageContaining("'blocking', 'sleeping', 'yielding', 'busy-spin'");
        assertThatThrownBy(() -> runtime.deploy("@app:async(batch_size_max = '0')\n" + PASS, DeployOptions.defaults()))
                .hasMessageContaining("async.batch_size_max = '0'");
    }

    @Test
    void theConfigurationFileSetsTheOptionsAndTheSqlWins() throws Exception {
        AppConfig config = new AppConfig("eventflux.toml", Map.of("async.wait", "nope"), Map.of());
        assertThatThrownBy(() -> runtime.deploy(PASS, DeployOptions.defaults().withConfig(config)))
                .hasMessageContaining("async.wait = 'nope'");
        AppRuntime app = runtime.deploy("@app:async(wait = 'yielding')\n" + PASS,
                DeployOptions.defaults().withName("sqlWins").withConfig(config));
        Collector c = new Collector();
        app.addCallback("Out", c);
        app.inputHandler("S").send(7);
        await(() -> c.count() == 1);
        assertThat(values(c)).containsExactly(7);
    }
}
