package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.DeployOptions;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import io.eventflux.api.io.SourceListener;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A snapshot taken while a source is busy handing payloads over through the ring never records a
 * position ahead of what the app's operators hold: what the position counts was processed before the
 * snapshot (otherwise a restore would skip events that were only in the ring).
 */
class SnapshotConsistencyTest {
    private final ConnectorFixture f = new ConnectorFixture();
    private final PumpingSources pumps = new PumpingSources();

    @AfterEach
    void close() {
        pumps.running = false;
        f.close();
    }

    @Test
    void aSourcesPositionNeverRunsAheadOfTheProcessedEvents() throws Exception {
        f.runtime.registry().add(pumps, Map.of(ExtensionRegistry.TYPE, Extension.SOURCE, ExtensionRegistry.NAME, "pump"));
        AppRuntimeImpl app = (AppRuntimeImpl) f.runtime.deploy(
                "CREATE STREAM In (n LONG) WITH (type = 'source', extension = 'pump'); "
                        + "INSERT INTO Out SELECT n FROM In;",
                DeployOptions.defaults().withName("pumped").withRingBufferSize(1024));
        app.addCallback("Out", events -> pumps.processed.addAndGet(events.size()));
        // the source may start before the callback is attached: it pumps only once the callback counts
        pumps.go.countDown();
        assertThat(Polling.await(() -> pumps.processed.get() > 1_000, 10)).isTrue();

        List<long[]> snapshots = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Serializable s = app.snapshotState().get("source/In");
            snapshots.add((long[]) s);
        }
        // position = payloads whose onPayload returned; processed = events the writer had delivered
        assertThat(snapshots).allSatisfy(p -> assertThat(p[0]).isLessThanOrEqualTo(p[1]));
        assertThat(snapshots.get(snapshots.size() - 1)[0]).isGreaterThan(snapshots.get(0)[0]);
    }

    /** A source that hands payloads over as fast as the app takes them, counting them once handed. */
    private static final class PumpingSources implements SourceFactory {
        final AtomicLong processed = new AtomicLong();
        final CountDownLatch go = new CountDownLatch(1);
        volatile boolean running = true;

        @Override
        public Source create(ConnectorSpec spec) {
            return new Source() {
                private volatile long position;
                private Thread thread;

                @Override
                public void start(SourceListener listener) {
                    thread = new Thread(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        while (running) {
                            listener.onPayload(new Object[] {position}, Map.of());
                            position++;
                        }
                    }, "pump");
                    thread.setDaemon(true);
                    thread.start();
                }

                @Override
                public void stop() {
                    running = false;
                }

                @Override
                public Serializable snapshot() {
                    // runs on the writer, after every event before the snapshot task was delivered
                    return new long[] {position, processed.get()};
                }
            };
        }
    }
}
