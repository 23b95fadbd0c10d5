package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import io.eventflux.api.config.AppConfig;
import io.eventflux.api.management.SnapshotInfo;
import io.eventflux.engine.EventFluxRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental revisions in the real file store, through the management service: a partition of 10 000
 * keys where a few change between snapshots writes a revision a small fraction of the full one, a restart
 * restores the chain exactly, and {@code persistence.full.every} bounds the chain.
 */
class IncrementalSnapshotTest {
    static final int KEYS = 10_000;
    static final String SQL = """
            @app:name('Keys')
            CREATE STREAM S (k STRING, v LONG);
            PARTITION WITH (k OF S) BEGIN
              INSERT INTO Out SELECT k, sum(v) AS total, count() AS n FROM S WINDOW('length', 4);
            END;
            """;

    @TempDir
    Path dir;

    private DeployOptions options(String fullEvery, String keep) {
        return DeployOptions.playback().withConfig(new AppConfig("test", Map.of("persistence.dir", dir.toString(),
                "persistence.interval", "0", "persistence.full.every", fullEvery, "persistence.keep", keep), Map.of()));
    }

    private static void fill(InputHandler in, long t0) {
        for (int i = 0; i < KEYS; i++) {
            in.send(t0 + i, new Object[] {"key-" + i, (long) i});
        }
    }

    @Test
    void aFewChangedKeysMakeASmallRevisionAndARestartAssemblesTheChain() throws Exception {
        SnapshotInfo full;
        SnapshotInfo delta;
        SnapshotInfo delta2;
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntime app = rt.deploy(SQL, options("10", "3"));
            InputHandler in = app.inputHandler("S");
            fill(in, 1);
            full = rt.management().snapshot("Keys");
            for (int i = 0; i < 5; i++) {
                in.send(20_000 + i, new Object[] {"key-" + (i * 1999), 1000L});
            }
            delta = rt.management().snapshot("Keys");
            in.send(30_000, new Object[] {"key-42", 7L});
            delta2 = rt.management().snapshot("Keys");
            assertThat(rt.management().snapshots("Keys")).extracting(SnapshotInfo::revision)
                    .containsExactly(full.revision(), delta.revision(), delta2.revision());
        }
        System.out.printf("partition of %d keys: full revision %d bytes, 5 keys changed %d bytes, 1 key changed %d"
                + " bytes%n", KEYS, full.bytes(), delta.bytes(), delta2.bytes());
        assertThat(full.base()).isNull();
        assertThat(delta.base()).isEqualTo(full.revision());
        assertThat(delta2.base()).isEqualTo(delta.revision());
        assertThat(full.bytes()).isGreaterThan(1_000_000);
        assertThat(delta.bytes()).as("5 of 10 000 keys changed").isLessThan(full.bytes() / 20);
        assertThat(delta2.bytes()).as("1 of 10 000 keys changed").isLessThan(full.bytes() / 50);

        // a new process: the newest revision is assembled from delta2, delta and full
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntime app = rt.deploy(SQL, options("10", "3"));
            List<Event> out = new CopyOnWriteArrayList<>();
            app.addCallback("Out", out::addAll);
            InputHandler in = app.inputHandler("S");
            in.send(40_000, new Object[] {"key-42", 1L});     // window: 42, 7, 1
            in.send(40_001, new Object[] {"key-1999", 1L});   // window: 1999, 1000, 1
            in.send(40_002, new Object[] {"key-9999", 1L});   // window: 9999, 1
            assertThat(out).extracting(e -> List.of(e.get(0), e.get(1), e.get(2))).containsExactly(
                    List.of("key-42", 50L, 3L), List.of("key-1999", 3000L, 3L), List.of("key-9999", 10000L, 2L));
            // the shutdown saved one more revision (nothing changed: a tiny incremental one on delta2)
            List<SnapshotInfo> stored = rt.management().snapshots("Keys");
            SnapshotInfo last = stored.get(stored.size() - 1);
            assertThat(last.base()).isEqualTo(delta2.revision());
            assertThat(last.bytes()).isLessThan(full.bytes() / 100);
            assertThat(rt.management().apps().get(0).restored().revision()).isEqualTo(last.revision());
            assertThat(rt.management().apps().get(0).restored().startedEmpty()).isEmpty();
        }
    }

    @Test
    void aGroupByOfManyKeysWritesOnlyThePagesOfTheChangedGroups() throws Exception {
        String sql = """
                @app:name('Groups')
                CREATE STREAM S (k STRING, v LONG);
                INSERT INTO Out SELECT k, sum(v) AS total, count() AS n FROM S GROUP BY k;
                """;
        SnapshotInfo full;
        SnapshotInfo delta;
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            InputHandler in = rt.deploy(sql, options("10", "3")).inputHandler("S");
            fill(in, 1);
            full = rt.management().snapshot("Groups");
            for (int i = 0; i < 5; i++) {
                in.send(20_000 + i, new Object[] {"key-" + (i * 1999), 1000L});
            }
            delta = rt.management().snapshot("Groups");
        }
        System.out.printf("group-by of %d keys: full revision %d bytes, 5 groups changed %d bytes%n", KEYS,
                full.bytes(), delta.bytes());
        assertThat(delta.base()).isEqualTo(full.revision());
        assertThat(full.bytes()).isGreaterThan(500_000);
        assertThat(delta.bytes()).as("5 of 10 000 groups changed").isLessThan(full.bytes() / 20);
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntime app = rt.deploy(sql, options("10", "3"));
            List<Event> out = new CopyOnWriteArrayList<>();
            app.addCallback("Out", out::addAll);
            app.inputHandler("S").send(40_000, new Object[] {"key-1999", 1L});
            app.inputHandler("S").send(40_001, new Object[] {"key-9999", 1L});
            assertThat(out).extracting(e -> List.of(e.get(0), e.get(1), e.get(2))).containsExactly(
                    List.of("key-1999", 3000L, 3L), List.of("key-9999", 10000L, 2L));
        }
    }

    @Test
    void aFullRevisionEveryKBoundsTheChainAndKeepNeverBreaksIt() throws Exception {
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntime app = rt.deploy(SQL, options("3", "2"));
            InputHandler in = app.inputHandler("S");
            for (int i = 0; i < 7; i++) {
                in.send(1 + i, new Object[] {"key-" + i, 1L});
                rt.management().snapshot("Keys");
            }
            List<SnapshotInfo> kept = rt.management().snapshots("Keys");
            // revisions 1 F, 2 D, 3 D, 4 F, 5 D, 6 D, 7 F: keep 2 keeps 6 (needs 5, 4) and 7
            assertThat(kept).extracting(s -> s.base() == null).containsExactly(true, false, false, true);
            assertThat(kept.get(1).base()).isEqualTo(kept.get(0).revision());
            assertThat(kept.get(2).base()).isEqualTo(kept.get(1).revision());
            try (Stream<Path> files = Files.list(dir.resolve("Keys"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".snap")).count()).isEqualTo(4);
            }
            // the oldest kept incremental revision restores from its chain
            in.send(100, new Object[] {"key-0", 5L});
            rt.management().restore("Keys", kept.get(2).revision());
            List<Event> out = new CopyOnWriteArrayList<>();
            app.addCallback("Out", out::addAll);
            in.send(101, new Object[] {"key-5", 1L});
            in.send(102, new Object[] {"key-0", 1L});
            // at revision 6 key-5 had one event; key-0's 5 came after it and is gone
            assertThat(out).extracting(e -> List.of(e.get(0), e.get(1))).containsExactly(List.of("key-5", 2L),
                    List.of("key-0", 2L));
        }
    }
}
