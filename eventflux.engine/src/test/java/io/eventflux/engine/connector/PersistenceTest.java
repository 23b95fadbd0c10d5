package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.config.AppConfig;
import io.eventflux.api.management.StateRestore;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real file persistence store, file connector and lengthBatch window: an app restarted with the same
 * state directory (a new runtime, as a new process would) resumes where it stopped.
 */
class PersistenceTest {
    @TempDir
    Path dir;

    private String sql(Path in, Path out, String extraQuery) {
        return """
                @app:name('Counts')
                CREATE STREAM Orders (id STRING, amount DOUBLE) WITH (type = 'source', extension = 'file',
                  format = 'json', file.path = '%s', file.mode = 'tail', file.poll.interval.ms = '10');
                CREATE STREAM Sums (total DOUBLE, n LONG) WITH (type = 'sink', extension = 'file', format = 'json',
                  file.path = '%s', file.flush.interval.ms = '0');
                INSERT INTO Sums SELECT sum(amount) AS total, count() AS n FROM Orders WINDOW('lengthBatch', 3);
                %s
                """.formatted(in, out, extraQuery);
    }

    private DeployOptions options(Path state) {
        return DeployOptions.defaults().withConfig(new AppConfig("test", Map.of("persistence.dir", state.toString(),
                "persistence.interval", "0"), Map.of()));
    }

    private static void append(Path f, int from, int to) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append("{\"id\": \"e").append(i).append("\", \"amount\": ").append(i).append("}\n");
        }
        Files.writeString(f, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aRestartedAppResumesItsWindowAndFilePositionFromTheStore() throws Exception {
        Path in = dir.resolve("orders.jsonl");
        Path out = dir.resolve("sums.jsonl");
        Path state = dir.resolve("state");
        append(in, 1, 3);
        try (EventFluxRuntime first = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntime app = first.deploy(sql(in, out, ""), options(state));
            Set<Object> read = ConcurrentHashMap.newKeySet();
            app.addCallback("Orders", events -> events.forEach(e -> read.add(e.get(0))));
            assertThat(Polling.await(() -> lines(out).size() == 1, 10)).as("first batch").isTrue();
            append(in, 4, 4); // held in the window when the app stops
            assertThat(Polling.await(() -> read.contains("e4"), 10)).as("e4 read").isTrue();
        } // graceful shutdown: the snapshot is saved
        assertThat(revisionFiles(state)).hasSize(1);

        append(in, 5, 9); // while the app is down
        try (EventFluxRuntime second = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            second.deploy(sql(in, out, ""), options(state));
            assertThat(Polling.await(() -> lines(out).size() == 3, 10)).as("two more batches: " + lines(out)).isTrue();
        }
        // e4 kept in the window across the restart, no line read twice, none lost
        assertThat(lines(out)).containsExactly("{\"total\":6.0,\"n\":3}", "{\"total\":15.0,\"n\":3}",
                "{\"total\":24.0,\"n\":3}");
        assertThat(revisionFiles(state)).hasSize(2);
    }

    @Test
    void aCorruptNewestRevisionFallsBackToThePreviousOne() throws Exception {
        Path in = dir.resolve("orders.jsonl");
        Path out = dir.resolve("sums.jsonl");
        Path state = dir.resolve("state");
        append(in, 1, 3);
        try (EventFluxRuntime first = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntimeImpl app = (AppRuntimeImpl) first.deploy(sql(in, out, ""), options(state));
            assertThat(Polling.await(() -> lines(out).size() == 1, 10)).isTrue();
            assertThat(app.persistNow()).isPresent();
        }
        List<Path> files = revisionFiles(state);
        assertThat(files).hasSize(2);
        byte[] raw = Files.readAllBytes(files.get(1));
        raw[raw.length - 2] ^= 0x10;
        Files.write(files.get(1), raw);

        append(in, 4, 6);
        try (EventFluxRuntime second = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            second.deploy(sql(in, out, ""), options(state));
            assertThat(Polling.await(() -> lines(out).size() == 2, 10)).as(() -> "one more batch: " + lines(out))
                    .isTrue();
        }
        // the older revision holds the same position: e1..e3 are not read again
        assertThat(lines(out)).containsExactly("{\"total\":6.0,\"n\":3}", "{\"total\":15.0,\"n\":3}");
    }

    @Test
    void aChangedAppKeepsTheStateOfUnchangedQueriesAndANewQueryStartsEmpty() throws Exception {
        Path in = dir.resolve("orders.jsonl");
        Path out = dir.resolve("sums.jsonl");
        Path state = dir.resolve("state");
        append(in, 1, 4);
        try (EventFluxRuntime first = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            first.deploy(sql(in, out, ""), options(state));
            assertThat(Polling.await(() -> lines(out).size() == 1, 10)).isTrue();
            assertThat(Polling.await(() -> first.management().stats("Counts").eventsIn() >= 4, 10)).as("e4 read")
                    .isTrue();
            // redeploy a changed version: the undeploy saves, the deploy takes back what did not change
            first.undeploy("Counts");
            String changed = sql(in, out, "INSERT INTO Recent SELECT count() AS n FROM Orders WINDOW('length', 2);");
            first.deploy(changed, options(state));
            StateRestore restored = first.management().apps().get(0).restored();
            assertThat(restored).isNotNull();
            assertThat(restored.kept()).containsExactlyInAnyOrder("query-1", "source/Orders");
            assertThat(restored.startedEmpty()).containsExactly("query-2");
            assertThat(first.management().status("Counts").summary().restored()).isEqualTo(restored);
            append(in, 5, 6);
            // e4 was kept in query-1's window across the redeploy; e1..e4 were not read again
            assertThat(Polling.await(() -> lines(out).size() == 2, 10)).as(() -> "one more batch: " + lines(out))
                    .isTrue();
        }
        assertThat(lines(out)).containsExactly("{\"total\":6.0,\"n\":3}", "{\"total\":15.0,\"n\":3}");
    }

    @Test
    void aChangedQueryStartsEmptyAndTheRestoreOfAnOlderVersionIsRefused() throws Exception {
        Path in = dir.resolve("orders.jsonl");
        Path out = dir.resolve("sums.jsonl");
        Path state = dir.resolve("state");
        append(in, 1, 4);
        String v1Revision;
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            rt.deploy(sql(in, out, ""), options(state));
            assertThat(Polling.await(() -> lines(out).size() == 1, 10)).isTrue();
            assertThat(Polling.await(() -> rt.management().stats("Counts").eventsIn() >= 4, 10)).as("e4 read").isTrue();
            assertThat(rt.management().snapshot("Counts").parts()).isGreaterThanOrEqualTo(2);
            v1Revision = rt.management().snapshots("Counts").get(0).revision();
        }
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            // query-1's window changed: it starts empty; the source keeps its position
            String changed = sql(in, out, "").replace("WINDOW('lengthBatch', 3)", "WINDOW('lengthBatch', 2)");
            rt.deploy(changed, options(state));
            StateRestore restored = rt.management().apps().get(0).restored();
            assertThat(restored.kept()).containsExactly("source/Orders");
            assertThat(restored.startedEmpty()).containsExactly("query-1");
            append(in, 5, 6);
            assertThat(Polling.await(() -> lines(out).size() == 2, 10)).as(() -> "a batch of 2: " + lines(out)).isTrue();
            // a revision of the first version cannot go into this one: refused whole, nothing changes
            assertThatThrownBy(() -> rt.management().restore("Counts", v1Revision))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("revision " + v1Revision)
                    .hasMessageContaining("another version of the app").hasMessageContaining("nothing restored");
            append(in, 7, 8);
            assertThat(Polling.await(() -> lines(out).size() == 3, 10)).as(() -> "another batch: " + lines(out))
                    .isTrue();
        }
        assertThat(lines(out)).containsExactly("{\"total\":6.0,\"n\":3}", "{\"total\":11.0,\"n\":2}",
                "{\"total\":15.0,\"n\":2}");
    }

    @Test
    void aFormat1SnapshotOfAnotherVersionIsRefusedAndNothingRuns() throws Exception {
        Path in = dir.resolve("orders.jsonl");
        Path out = dir.resolve("sums.jsonl");
        Path state = dir.resolve("state");
        append(in, 1, 4);
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            // what an engine before per-query fingerprints wrote
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
                o.writeUTF("eventflux-snapshot");
                o.writeInt(1);
                o.writeUTF("Counts");
                o.writeUTF("0".repeat(64));
                o.writeObject(new java.util.LinkedHashMap<String, java.io.Serializable>());
            }
            rt.registry().persistenceStore("file").orElseThrow().create(Map.of("dir", state.toString()))
                    .save("Counts", "000000000000001", bytes.toByteArray());
            assertThatThrownBy(() -> rt.deploy(sql(in, out, ""), options(state)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("app 'Counts'")
                    .hasMessageContaining("another version of the app").hasMessageContaining("refused");
            assertThat(rt.apps()).isEmpty();
        }
        assertThat(Files.exists(out) ? lines(out) : List.of()).as("the refused app read nothing").isEmpty();
    }

    @Test
    void withoutPersistenceOptionsNothingIsStored() throws Exception {
        Path in = dir.resolve("orders.jsonl");
        Path out = dir.resolve("sums.jsonl");
        append(in, 1, 3);
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntime app = rt.deploy(sql(in, out, ""), DeployOptions.defaults());
            assertThat(Polling.await(() -> lines(out).size() == 1, 10)).isTrue();
            assertThat(((AppRuntimeImpl) app).persistNow()).isEmpty();
        }
    }

    @Test
    void periodicSnapshotsFromTheAppAnnotationAndABadIntervalIsNamed() throws Exception {
        Path in = dir.resolve("orders.jsonl");
        Path out = dir.resolve("sums.jsonl");
        Path state = dir.resolve("state");
        append(in, 1, 3);
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            rt.deploy("@app:persistence(dir = '" + state + "', interval = '20 ms', keep = '2')\n" + sql(in, out, ""),
                    DeployOptions.defaults());
            assertThat(Polling.await(() -> revisionFiles(state).size() == 2, 10)).as("periodic revisions, 2 kept")
                    .isTrue();
            assertThatThrownBy(() -> rt.deploy("@app:persistence(dir = '" + state + "', interval = 'often')\n"
                    + sql(in, out, "").replace("'Counts'", "'Other'"), DeployOptions.defaults()))
                    .hasMessageContaining("persistence.interval").hasMessageContaining("'often'");
        }
    }

    private static List<Path> revisionFiles(Path state) {
        Path app = state.resolve("Counts");
        if (!Files.isDirectory(app)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(app)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".snap")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
