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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventflux run} through the exported runnable jar with a file source and a file sink: the file
 * connector bundle resolves and runs in Felix, tails its input, and a SIGTERM (graceful shutdown) writes
 * out what the sink still buffered.
 */
class FileConnectorJarIT {
    @TempDir
    Path dir;

    @Test
    void runTailsAFileIntoAFileAndTheShutdownFlushesTheSink() throws Exception {
        Path in = Files.writeString(dir.resolve("readings.jsonl"), """
                {"sensor": "s1", "value": 5}
                {"sensor": "s2", "value": 15.5}
                """);
        Path out = dir.resolve("alerts.jsonl");
        Path app = Files.writeString(dir.resolve("app.sql"), """
                CREATE STREAM Readings (sensor STRING, value DOUBLE) WITH (type = 'source', extension = 'file',
                  format = 'json', file.path = '%s', file.mode = 'tail', file.poll.interval.ms = '20');
                CREATE STREAM Alerts (sensor STRING, value DOUBLE) WITH (type = 'sink', extension = 'file',
                  format = 'json', file.path = '%s', file.flush.interval.ms = '1 hour');
                INSERT INTO Alerts SELECT sensor, value FROM Readings WHERE value > 10;
                INSERT INTO Seen SELECT sensor FROM Readings;
                """.formatted(in, out));
        Path log = dir.resolve("log.txt");
        String jar = System.getProperty("eventflux.jar", "target/eventflux.jar");
        Process p = new ProcessBuilder(java(), "-jar", jar, "run", app.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await("2 readings seen", () -> count(log, "\"stream\":\"Seen\"") == 2, p, log);
            Files.writeString(in, "{\"sensor\": \"s3\", \"value\": 42}\n{\"sensor\": \"s4\", \"value\": 1}\n",
                    StandardOpenOption.APPEND);
            await("4 readings seen", () -> count(log, "\"stream\":\"Seen\"") == 4, p, log);
            assertThat(Files.exists(out) ? Files.readString(out) : "")
                    .as("the sink still buffers (flush interval 1 hour)").isEmpty();
        } finally {
            p.destroy(); // SIGTERM: the shutdown hook stops the app gracefully
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        String output = read(log);
        assertThat(output).doesNotContain("Exception").doesNotContain("ERROR");
        assertThat(Files.readAllLines(out)).containsExactly("{\"sensor\":\"s2\",\"value\":15.5}",
                "{\"sensor\":\"s3\",\"value\":42.0}");
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
