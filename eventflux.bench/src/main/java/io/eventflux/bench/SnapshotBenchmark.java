package io.eventflux.bench;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.api.config.AppConfig;
import io.eventflux.api.management.SnapshotInfo;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Snapshot time of a 1 M-event window ({@code WINDOW('length', 1000000)} filled with 1 M events of three
 * attributes), persisted in the real file store (written, fsynced, renamed):
 * <ul>
 *   <li>{@code stateMap}: only the consistent copy of the operators' state (on the writer);</li>
 *   <li>{@code fullRevision}: a full revision (copy, pieces, SHA-256 digests, encode, file store);</li>
 *   <li>{@code incrementalUnchanged}: the next revision when nothing changed (only digests are new);</li>
 *   <li>{@code incrementalAfterOneEvent}: one event slid the window by one: every page of events shifts,
 *       so it writes nearly as much as a full one.</li>
 * </ul>
 * The sizes of the revisions are printed at the end of each trial (the JMH output shows them).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class SnapshotBenchmark {
    @Param({"1000000"})
    public int events;

    private EventFluxRuntime runtime;
    private AppRuntimeImpl app;
    private InputHandler input;
    private InputHandler fullInput;
    private Path dir;
    private long timestamp;
    private SnapshotInfo last;

    @Setup(Level.Trial)
    public void deploy() throws CompileException, IOException {
        dir = Files.createTempDirectory("eventflux-snapshot-bench");
        runtime = EventFluxRuntime.withServiceLoader(SnapshotBenchmark.class.getClassLoader());
        // "snap": full.every = 1000, so the incremental cases stay incremental; "full": every revision full
        String sql = """
                CREATE STREAM S (sym STRING, price DOUBLE, volume LONG);
                INSERT INTO Out SELECT sym, sum(volume) AS total FROM S WINDOW('length', %d);
                """.formatted(events);
        app = (AppRuntimeImpl) runtime.deploy(sql, options("snap", "1000"));
        AppRuntime full = runtime.deploy(sql, options("full", "1"));
        input = app.inputHandler("S");
        fullInput = full.inputHandler("S");
        for (int i = 0; i < events; i++) {
            Object[] row = {"SYM-" + (i % 1000), 100.0 + (i % 97), (long) i};
            input.send(++timestamp, row);
            fullInput.send(timestamp, row);
        }
    }

    private DeployOptions options(String name, String fullEvery) {
        return DeployOptions.playback().withName(name).withConfig(new AppConfig("bench", Map.of(
                "persistence.dir", dir.toString(), "persistence.interval", "0", "persistence.keep", "2",
                "persistence.full.every", fullEvery), Map.of()));
    }

    @Benchmark
    public Map<String, Serializable> stateMap() {
        return app.snapshotState();
    }

    @Benchmark
    public SnapshotInfo incrementalUnchanged() {
        last = runtime.management().snapshot("snap");
        return last;
    }

    @Benchmark
    public SnapshotInfo incrementalAfterOneEvent() {
        input.send(++timestamp, new Object[] {"SYM-X", 1.0, 1L});
        last = runtime.management().snapshot("snap");
        return last;
    }

    /** A full revision (the "full" app has {@code persistence.full.every = 1}). */
    @Benchmark
    public SnapshotInfo fullRevision() {
        last = runtime.management().snapshot("full");
        return last;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (last != null) {
            System.out.printf("%nlast revision: %d bytes, %s, %d parts%n", last.bytes(),
                    last.base() == null ? "full" : "incremental on " + last.base(), last.parts());
        }
        runtime.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(SnapshotBenchmark::delete);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
