package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventflux run APP.sql --state DIR} through the exported jar, twice: the first process is stopped
 * with SIGTERM (its state saved by the file persistence store in Felix), lines are appended while it is
 * down, and the second process resumes from the saved file position and window: each result once.
 */
class PersistenceJarIT {
    @TempDir
    Path dir;

    @Test
    void aRestartedRunResumesWhereItStoppedWithEachResultOnce() throws Exception {
        Path in = dir.resolve("readings.jsonl");
        append(in, 1, 4);
        Path out = dir.resolve("sums.jsonl");
        Path state = dir.resolve("state");
        Path app = Files.writeString(dir.resolve("app.sql"), """
                @app:name('Sums')
                CREATE STREAM Readings (sensor STRING, value DOUBLE) WITH (type = 'source', extension = 'file',
                  format = 'json', file.path = '%s', file.mode = 'tail', file.poll.interval.ms = '20');
                CREATE STREAM Totals (total DOUBLE, n LONG) WITH (type = 'sink', extension = 'file',
                  format = 'json', file.path = '%s', file.flush.interval.ms = '0');
                INSERT INTO Totals SELECT sum(value) AS total, count() AS n FROM Readings WINDOW('lengthBatch', 3);
                INSERT INTO Seen SELECT sensor FROM Readings;
                """.formatted(in, out));

        Path log1 = dir.resolve("log1.txt");
        runUntil(app, state, log1, 4);
        try (Stream<Path> files = Files.list(state.resolve("Sums"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".snap")).count()).as("saved at shutdown").isEqualTo(1);
        }

        append(in, 5, 9); // while it is down
        Path log2 = dir.resolve("log2.txt");
        runUntil(app, state, log2, 5);
        assertThat(read(log2)).as("nothing read twice").doesNotContain("\"sensor\":\"s1\"")
                .contains("\"sensor\":\"s5\"");
        // s4 was held in the window across the restart
        assertThat(Files.readAllLines(out)).containsExactly("{\"total\":6.0,\"n\":3}", "{\"total\":15.0,\"n\":3}",
                "{\"total\":24.0,\"n\":3}");
    }

    @Test
    void afterSigkillTheRunResumesFromThePeriodicSnapshotLosingNothing() throws Exception {
        Path in = dir.resolve("readings.jsonl");
        append(in, 1, 4);
        Path out = dir.resolve("sums.jsonl");
        Path state = dir.resolve("state");
        Path conf = Files.writeString(dir.resolve("eventflux.toml"), """
                [persistence]
                dir = "%s"
                interval = "50 ms"
                """.formatted(state.toString().replace("\\", "\\\\")));
        Path app = Files.writeString(dir.resolve("app.sql"), """
                @app:name('Sums')
                CREATE STREAM Readings (sensor STRING, value DOUBLE) WITH (type = 'source', extension = 'file',
                  format = 'json', file.path = '%s', file.mode = 'tail', file.poll.interval.ms = '20');
                CREATE STREAM Totals (total DOUBLE, n LONG) WITH (type = 'sink', extension = 'file',
                  format = 'json', file.path = '%s', file.flush.interval.ms = '0');
                INSERT INTO Totals SELECT sum(value) AS total, count() AS n FROM Readings WINDOW('lengthBatch', 3);
                INSERT INTO Seen SELECT sensor FROM Readings;
                """.formatted(in, out));
        String jar = System.getProperty("eventflux.jar", "target/eventflux.jar");
        Path log1 = dir.resolve("log1.txt");
        Process p = new ProcessBuilder(java(), "-jar", jar, "run", app.toString(), "--config", conf.toString())
                .redirectErrorStream(true).redirectOutput(log1.toFile()).start();
        try {
            await("4 readings seen", () -> count(log1, "\"stream\":\"Seen\"") == 4, p, log1);
            await("periodic snapshots", () -> snapshots(state) >= 2, p, log1);
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown snapshot
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        append(in, 5, 9);
        Path log2 = dir.resolve("log2.txt");
        Process q = new ProcessBuilder(java(), "-jar", jar, "run", app.toString(), "--config", conf.toString())
                .redirectErrorStream(true).redirectOutput(log2.toFile()).start();
        try {
            await("all results", () -> lines(out).contains("{\"total\":24.0,\"n\":3}"), q, log2);
        } finally {
            q.destroy();
        }
        assertThat(q.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // at least once: a result after the last snapshot may come again, none is lost, batches stay aligned
        assertThat(lines(out)).containsAll(java.util.List.of("{\"total\":6.0,\"n\":3}",
                "{\"total\":15.0,\"n\":3}", "{\"total\":24.0,\"n\":3}"));
        assertThat(new java.util.HashSet<>(lines(out))).hasSize(3);
    }

    private static long snapshots(Path state) {
        Path d = state.resolve("Sums");
        if (!Files.isDirectory(d)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(d)) {
            return files.filter(f -> f.toString().endsWith(".snap")).count();
        } catch (IOException e) {
            return 0; // a revision pruned while listing
        }
    }

    private static java.util.List<String> lines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f) : java.util.List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void runUntil(Path app, Path state, Path log, int seen) throws Exception {
        String jar = System.getProperty("eventflux.jar", "target/eventflux.jar");
        Process p = new ProcessBuilder(java(), "-jar", jar, "run", app.toString(), "--state", state.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await(seen + " readings seen", () -> count(log, "\"stream\":\"Seen\"") == seen, p, log);
        } finally {
            p.destroy(); // SIGTERM: graceful shutdown, the state is saved
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        assertThat(read(log)).doesNotContain("Exception").doesNotContain("SEVERE");
    }

    private static void append(Path f, int from, int to) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append("{\"sensor\": \"s").append(i).append("\", \"value\": ").append(i).append("}\n");
        }
        Files.writeString(f, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void await(String what, BooleanSupplier condition, Process p, Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (!p.isAlive() || System.nanoTime() - deadline > 0) {
                throw new AssertionError("waiting for " + what + (p.isAlive() ? ": timed out" : ": the process ended")
                        + "; its output:\n" + read(log));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static long count(Path log, String text) {
        return read(log).lines().filter(l -> l.contains(text)).count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
