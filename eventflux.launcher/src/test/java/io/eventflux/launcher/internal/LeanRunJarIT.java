package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, the lean process: {@code java -Xmx64m -jar eventflux.jar run examples/w2-inmemory.sql --input -}
 * (workload W2, StockStream read from an inMemory source) fed 300,000 events on standard input, as they are
 * generated. The process must not run out of memory, must exit 0, and must print one output per event with
 * the values of a length(100) window grouped by symbol, each checked against the window computed here.
 */
class LeanRunJarIT {
    private static final int EVENTS = 300_000;
    private static final Pattern OUT = Pattern.compile(
            "\"stream\":\"Out\",\"data\":\\{\"symbol\":\"(SYM\\d)\",\"price\":([-0-9.E]+),\"avgPrice\":([-0-9.E]+),\"cnt\":(\\d+)}");

    @TempDir
    Path dir;

    @Test
    void w2FromAnInMemorySourceRunsInA64MegabyteHeapAndEmitsEveryResult() throws Exception {
        Path app = Path.of("..", "examples", "w2-inmemory.sql").toAbsolutePath().normalize();
        assertThat(app).exists();
        Path err = dir.resolve("stderr.txt");
        String jar = System.getProperty("eventflux.jar", "target/eventflux.jar");
        Process p = new ProcessBuilder(java(), "-Xmx64m", "-XX:+UseSerialGC", "-jar", jar, "run", app.toString(),
                "--input", "-").directory(dir.toFile()).redirectError(err.toFile()).start();
        CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> feed(p));
        Window expected = new Window();
        Random rnd = new Random(42);
        long outputs = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = OUT.matcher(line);
                assertThat(m.find()).as("an Out event: " + line).isTrue();
                Object[] row = row(rnd, outputs);
                expected.add((String) row[0], (Double) row[1]);
                assertThat(m.group(1)).as("symbol of output " + outputs).isEqualTo(row[0]);
                assertThat(Double.parseDouble(m.group(2))).as("price of output " + outputs).isEqualTo(row[1]);
                assertThat(Long.parseLong(m.group(4))).as("cnt of output " + outputs).isEqualTo(expected.count((String) row[0]));
                assertThat(Double.parseDouble(m.group(3))).as("avgPrice of output " + outputs)
                        .isCloseTo(expected.avg((String) row[0]), org.assertj.core.data.Offset.offset(1e-9));
                outputs++;
            }
        } finally {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        feeding.get(10, TimeUnit.SECONDS);
        String stderr = Files.readString(err);
        assertThat(stderr).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(p.exitValue()).as("exit code; stderr:\n" + stderr).isZero();
        assertThat(outputs).as("one output per event").isEqualTo(EVENTS);
    }

    /** Writes the events as JSON lines into the process's standard input, then closes it. */
    private static void feed(Process p) {
        Random rnd = new Random(42);
        try (BufferedWriter in = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < EVENTS; i++) {
                Object[] row = row(rnd, i);
                in.write(String.format(Locale.ROOT,
                        "{\"ts\": %d, \"stream\": \"StockStream\", \"data\": {\"symbol\": \"%s\", \"price\": %s, \"volume\": %d}}%n",
                        i + 1, row[0], Double.toString((Double) row[1]), (Long) row[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Row i of W2's data (as in eventflux.bench's Workload.rows): the generator must be called in row order. */
    private static Object[] row(Random rnd, long i) {
        String symbol = "SYM" + rnd.nextInt(10);
        double price = rnd.nextDouble() * 100;
        long volume = 1 + rnd.nextInt(1000);
        return i == 0 ? new Object[] {"SYM0", 75.0, 100L} : new Object[] {symbol, price, volume};
    }

    /** The last 100 events, with count and sum per symbol. */
    private static final class Window {
        private final ArrayDeque<Object[]> events = new ArrayDeque<>();
        private final Map<String, long[]> counts = new HashMap<>();
        private final Map<String, double[]> sums = new HashMap<>();

        void add(String symbol, double price) {
            events.addLast(new Object[] {symbol, price});
            counts.computeIfAbsent(symbol, s -> new long[1])[0]++;
            sums.computeIfAbsent(symbol, s -> new double[1])[0] += price;
            if (events.size() > 100) {
                Object[] old = events.removeFirst();
                counts.get((String) old[0])[0]--;
                sums.get((String) old[0])[0] -= (Double) old[1];
            }
        }

        long count(String symbol) {
            return counts.get(symbol)[0];
        }

        double avg(String symbol) {
            return sums.get(symbol)[0] / counts.get(symbol)[0];
        }
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
