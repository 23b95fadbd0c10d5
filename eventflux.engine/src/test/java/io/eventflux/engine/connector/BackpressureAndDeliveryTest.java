package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.io.OfferResult;
import io.eventflux.api.io.SourceListener;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Backpressure from a full ring, processed() and async sinks. */
class BackpressureAndDeliveryTest {
    private final ConnectorFixture f = new ConnectorFixture();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        f.sink.gate.countDown();
        f.close();
    }

    /** An app with a ring of 2 whose writer blocks inside the first event until {@link #release}. */
    private AppRuntimeImpl blockedWriter(String backpressure, CountDownLatch inWriter, List<Event> out) throws Exception {
        AppRuntimeImpl app = (AppRuntimeImpl) f.runtime.deploy("CREATE STREAM In (n INT) WITH (type = 'source', "
                + "extension = 'test', backpressure = '" + backpressure + "'); INSERT INTO Out SELECT n FROM In;",
                DeployOptions.defaults().withRingBufferSize(2));
        app.addCallback("Out", events -> {
            inWriter.countDown();
            out.addAll(events);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return app;
    }

    @Test
    void offerNeverBlocksAndSaysNoWhenTheRingIsFull() throws Exception {
        CountDownLatch inWriter = new CountDownLatch(1);
        List<Event> out = new CopyOnWriteArrayList<>();
        blockedWriter("block", inWriter, out);
        SourceListener in = f.source.listener("In");
        in.onPayload(new Object[] {0}, Map.of());
        assertThat(inWriter.await(10, TimeUnit.SECONDS)).isTrue();
        int accepted = 0;
        while (accepted < 10 && in.offer(new Object[] {accepted + 1}, Map.of())) {
            accepted++;
        }
        assertThat(accepted).isLessThanOrEqualTo(2);
        assertThat(in.offer(new Object[] {99}, Map.of())).isFalse();
        release.countDown();
        int expected = accepted + 1;
        assertThat(Polling.await(() -> out.size() == expected, 10)).isTrue();
        assertThat(out).extracting(e -> e.get(0)).doesNotContain(99);
    }

    @Test
    void offerMappedAcceptsRejectsWithTheReasonOrSaysFull() throws Exception {
        CountDownLatch inWriter = new CountDownLatch(1);
        List<Event> out = new CopyOnWriteArrayList<>();
        AppRuntimeImpl app = (AppRuntimeImpl) f.runtime.deploy("CREATE STREAM In (n INT) WITH (type = 'source', "
                + "extension = 'test', format = 'json'); INSERT INTO Out SELECT n FROM In;",
                DeployOptions.defaults().withRingBufferSize(2));
        app.addCallback("Out", events -> {
            inWriter.countDown();
            out.addAll(events);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SourceListener in = f.source.listener("In");
        assertThat(in.offerMapped("{\"n\": 1}", Map.of())).isEqualTo(OfferResult.ACCEPTED);
        OfferResult bad = in.offerMapped("{\"n\": \"one\"}", Map.of(SourceListener.LOCATION, "POST /in"));
        assertThat(bad.status()).isEqualTo(OfferResult.Status.REJECTED);
        assertThat(bad.reason()).contains("In").contains("n").contains("one").contains("POST /in");
        assertThat(inWriter.await(10, TimeUnit.SECONDS)).isTrue();
        OfferResult r;
        int accepted = 0;
        while ((r = in.offerMapped("{\"n\": 2}", Map.of())) == OfferResult.ACCEPTED && accepted < 10) {
            accepted++;
        }
        assertThat(r).isEqualTo(OfferResult.FULL);
        assertThat(app.errorDroppedCount("In")).isEqualTo(1);
    }

    @Test
    void onPayloadUnderDropCountsWhatAFullRingCannotTake() throws Exception {
        CountDownLatch inWriter = new CountDownLatch(1);
        List<Event> out = new CopyOnWriteArrayList<>();
        AppRuntimeImpl app = blockedWriter("drop", inWriter, out);
        SourceListener in = f.source.listener("In");
        in.onPayload(new Object[] {0}, Map.of());
        assertThat(inWriter.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 10; i++) {
            in.onPayload(new Object[] {i}, Map.of()); // never blocks under drop
        }
        assertThat(app.droppedCount("In")).isGreaterThanOrEqualTo(8);
        release.countDown();
        long delivered = 11 - app.droppedCount("In");
        assertThat(Polling.await(() -> out.size() == delivered, 10)).isTrue();
    }

    @Test
    void processedCompletesOnlyAfterTheSinkPublishedWhatCameBefore() throws Exception {
        f.runtime.deploy("""
                CREATE STREAM In (n INT) WITH (type = 'source', extension = 'test');
                CREATE STREAM Out (n INT) WITH (type = 'sink', extension = 'flaky', async.enabled = 'true');
                INSERT INTO Out SELECT n FROM In;
                """, DeployOptions.defaults());
        f.sink.gate = new CountDownLatch(1);
        SourceListener in = f.source.listener("In");
        in.onPayload(new Object[] {1}, Map.of());
        in.onPayload(new Object[] {2}, Map.of());
        CompletableFuture<Void> done = in.processed().toCompletableFuture();
        assertThat(Polling.await(() -> f.sink.entered.get() > 0, 10)).isTrue();
        assertThat(done).isNotDone();
        f.sink.gate.countDown();
        done.get(10, TimeUnit.SECONDS);
        assertThat(f.sink.delivered).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void processedWithSynchronousSinksOnTheRing() throws Exception {
        f.runtime.deploy("""
                CREATE STREAM In (n INT) WITH (type = 'source', extension = 'test');
                CREATE STREAM Out (n INT) WITH (type = 'sink', extension = 'flaky');
                INSERT INTO Out SELECT n FROM In;
                """, DeployOptions.defaults());
        SourceListener in = f.source.listener("In");
        for (int i = 0; i < 100; i++) {
            in.onPayload(new Object[] {i}, Map.of());
        }
        in.processed().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(f.sink.delivered).hasSize(100);
    }

    @Test
    void anAsyncSinkWithOneWorkerKeepsOrderAndWithSeveralSpreadsTheEvents() throws Exception {
        AppRuntimeImpl app = (AppRuntimeImpl) f.runtime.deploy("""
                CREATE STREAM In (n INT);
                CREATE STREAM Out (n INT) WITH (type = 'sink', extension = 'flaky', async.enabled = 'true',
                  async.workers = '3', async.buffer_size = '64', async.batch_size_max = '8');
                INSERT INTO Out SELECT n FROM In;
                """, DeployOptions.defaults());
        for (int i = 0; i < 300; i++) {
            app.inputHandler("In").send(i);
        }
        app.processed().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<Integer> got = new ArrayList<>();
        f.sink.delivered.forEach(r -> got.add((Integer) ((List<?>) r).get(0)));
        assertThat(got).hasSize(300).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 300).boxed().toList());
        assertThat(new HashSet<>(f.sink.threads)).hasSize(3).allMatch(t -> t.contains("-sink-Out-"));

        f.sink.delivered.clear();
        f.sink.threads.clear();
        AppRuntimeImpl ordered = (AppRuntimeImpl) f.runtime.deploy("""
                CREATE STREAM In (n INT);
                CREATE STREAM Out (n INT) WITH (type = 'sink', extension = 'flaky', async.enabled = 'true');
                INSERT INTO Out SELECT n FROM In;
                """, DeployOptions.defaults().withName("ordered"));
        for (int i = 0; i < 300; i++) {
            ordered.inputHandler("In").send(i);
        }
        ordered.processed().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<Integer> inOrder = new ArrayList<>();
        f.sink.delivered.forEach(r -> inOrder.add((Integer) ((List<?>) r).get(0)));
        assertThat(inOrder).isEqualTo(java.util.stream.IntStream.range(0, 300).boxed().toList());
    }

    @Test
    void shutdownStopsSourcesThenDrainsThenFlushesAsyncSinks() throws Exception {
        AppRuntimeImpl app = (AppRuntimeImpl) f.runtime.deploy("""
                CREATE STREAM In (n INT) WITH (type = 'source', extension = 'test');
                CREATE STREAM Out (n INT) WITH (type = 'sink', extension = 'flaky', async.enabled = 'true');
                INSERT INTO Out SELECT n FROM In;
                """, DeployOptions.defaults());
        SourceListener in = f.source.listener("In");
        for (int i = 0; i < 500; i++) {
            in.onPayload(new Object[] {i}, Map.of());
        }
        f.runtime.undeploy(app.name());
        assertThat(f.source.calls).containsExactly("start", "stop");
        assertThat(f.sink.delivered).hasSize(500);
    }
}
