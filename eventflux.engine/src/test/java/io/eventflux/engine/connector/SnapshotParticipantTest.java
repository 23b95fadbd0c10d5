package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.config.AppConfig;
import io.eventflux.api.extension.Extension;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink that commits its results with the app's snapshots ({@link io.eventflux.api.io.SnapshotParticipant}),
 * with the real file source, lengthBatch window and file persistence store: it commits each saved revision
 * on the writer, an app without persistence is refused, and after a crash between a save and its commit the
 * app restores the revision whose results were committed, so each result is committed once.
 */
class SnapshotParticipantTest {
    @TempDir
    Path dir;

    private final StagingSinkFactory staging = new StagingSinkFactory();

    private EventFluxRuntime runtime() {
        EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());
        rt.registry().add(staging, Map.of(ExtensionRegistry.TYPE, Extension.SINK, ExtensionRegistry.NAME, "staging"));
        return rt;
    }

    private String sql(Path in) {
        return """
                @app:name('Staged')
                CREATE STREAM Orders (id STRING, amount DOUBLE) WITH (type = 'source', extension = 'file',
                  format = 'json', file.path = '%s', file.mode = 'tail', file.poll.interval.ms = '10');
                CREATE STREAM Sums (total DOUBLE, n LONG) WITH (type = 'sink', extension = 'staging');
                INSERT INTO Sums SELECT sum(amount) AS total, count() AS n FROM Orders WINDOW('lengthBatch', 3);
                """.formatted(in);
    }

    private static DeployOptions options(Path state, String interval) {
        return DeployOptions.defaults().withConfig(new AppConfig("test", Map.of("persistence.dir", state.toString(),
                "persistence.interval", interval), Map.of()));
    }

    @Test
    void aSinkThatCommitsWithSnapshotsNeedsPersistenceWithPeriodicSnapshots() throws Exception {
        Path in = dir.resolve("orders.jsonl");
        Files.writeString(in, "");
        try (EventFluxRuntime rt = runtime()) {
            assertThatThrownBy(() -> rt.deploy(sql(in), DeployOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app 'Staged'")
                    .hasMessageContaining("stream Sums: sink 'staging'").hasMessageContaining("not persisted")
                    .hasMessageContaining("persistence.dir");
            assertThatThrownBy(() -> rt.deploy(sql(in), options(dir.resolve("state"), "0")))
                    .hasMessageContaining("persistence.interval").hasMessageContaining("above 0");
            assertThat(rt.apps()).isEmpty();
        }
    }

    @Test
    void aCommittedRevisionMissingFromTheStoreIsRefusedAndTheEnlistedSinkStopped() throws Exception {
        Path in = dir.resolve("orders.jsonl");
        Files.writeString(in, "");
        staging.revisions.add("000000000000042"); // committed by a run whose state directory is gone
        try (EventFluxRuntime rt = runtime()) {
            assertThatThrownBy(() -> rt.deploy(sql(in), options(dir.resolve("state"), "1 h")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("app 'Staged'")
                    .hasMessageContaining("revision 000000000000042").hasMessageContaining("not in store")
                    .hasMessageContaining("nothing restored");
            assertThat(staging.stops.get()).as("the sink connected by enlist is stopped").isEqualTo(1);
        }
    }

    @Test
    void afterACrashBetweenTheSaveAndTheCommitTheCommittedRevisionIsRestored() throws Exception {
        Path in = dir.resolve("orders.jsonl");
        Path state = dir.resolve("state");
        append(in, 1, 3);
        try (EventFluxRuntime first = runtime()) {
            AppRuntimeImpl app = (AppRuntimeImpl) first.deploy(sql(in), options(state, "1 h"));
            assertThat(Polling.await(() -> staging.published.contains(List.of(6.0, 3L)), 10)).as("first batch")
                    .isTrue();
            assertThat(staging.committed).as("staged until a snapshot").isEmpty();
            String r1 = app.persistNow().orElseThrow().revision();
            assertThat(staging.revisions).containsExactly(r1);
            assertThat(staging.commitThreads).as("committed on the app's writer")
                    .containsExactly("eventflux-Staged-writer");
            assertThat(staging.committed).containsExactly(List.of(6.0, 3L));

            append(in, 4, 6);
            assertThat(Polling.await(() -> staging.published.contains(List.of(15.0, 3L)), 10)).as("second batch")
                    .isTrue();
            staging.failCommits.set(1); // the revision is saved, its results never committed
            assertThatThrownBy(app::persistNow).hasMessageContaining("stream Sums: sink 'staging'")
                    .hasMessageContaining("commit refused (test)");
            assertThat(Polling.await(() -> app.info().state() == AppState.FAILED, 10)).as("the app fails").isTrue();
        }
        assertThat(revisionFiles(state)).as("the uncommitted revision is in the store").hasSize(2);

        append(in, 7, 9);
        staging.published.clear();
        try (EventFluxRuntime second = runtime()) {
            AppRuntimeImpl app = (AppRuntimeImpl) second.deploy(sql(in), options(state, "1 h"));
            // restored from the committed revision: e4..e6 are read again, their batch recomputed
            assertThat(Polling.await(() -> staging.published.size() == 2, 10))
                    .as(() -> "batches after the restore: " + staging.published).isTrue();
            assertThat(staging.published).containsExactly(List.of(15.0, 3L), List.of(24.0, 3L));
            app.persistNow().orElseThrow();
        }
        assertThat(staging.committed).as("each result committed once").containsExactly(List.of(6.0, 3L),
                List.of(15.0, 3L), List.of(24.0, 3L));
    }

    private static void append(Path f, int from, int to) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append("{\"id\": \"e").append(i).append("\", \"amount\": ").append(i).append("}\n");
        }
        Files.writeString(f, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<Path> revisionFiles(Path state) throws IOException {
        try (var s = Files.list(state.resolve("Staged"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".snap")).toList();
        }
    }
}
