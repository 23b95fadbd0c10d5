package io.eventflux.bench;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.engine.EventFluxRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A pattern per key: {@code PARTITION WITH (id OF S) BEGIN ... FROM PATTERN (EVERY e1=S[price < 8] ->
 * e2=S[price >= e1.price]) WITHIN 1 SECOND ... END} over {@code keys} distinct keys (one state machine
 * each, built at the key's first event, during warm-up). Events are 1 ms apart, in pairs: a start (price 5)
 * for the next key in a stride through the keys, and the completion (price 10) of the key started
 * {@code LAG} pairs before, so about {@code LAG} keys hold a live partial match at any time and every
 * completion emits exactly one row. Inline mode, playback clock; score = events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PartitionPatternBenchmark {
    private static final String SQL = """
            CREATE STREAM S (id STRING, price DOUBLE);
            PARTITION WITH (id OF S) BEGIN
              INSERT INTO Out SELECT e1.id AS id, e2.price AS p
              FROM PATTERN (EVERY e1=S[price < 8] -> e2=S[price >= e1.price]) WITHIN 1 SECOND;
            END;
            """;
    private static final int LAG = 100;

    @Param({"10000"})
    public int keys;

    private EventFluxRuntime runtime;
    private InputHandler input;
    private final BenchApps.OutputCounter output = new BenchApps.OutputCounter();
    private Object[][] starts;
    private Object[][] completions;
    private long timestamp;
    private long pairs;
    private long expected;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        runtime = EventFluxRuntime.withServiceLoader(PartitionPatternBenchmark.class.getClassLoader());
        AppRuntime app = runtime.deploy(SQL, DeployOptions.playback().withName("bench"));
        app.addCallback("Out", output);
        input = app.inputHandler("S");
        starts = new Object[keys][];
        completions = new Object[keys][];
        for (int i = 0; i < keys; i++) {
            String name = "key-" + i;
            starts[i] = new Object[] {name, 5.0};
            completions[i] = new Object[] {name, 10.0};
        }
    }

    /** The key of the n-th pair's start: a stride through the keys, so consecutive events hit different keys. */
    private int key(long n) {
        return (int) ((n * 7919L) % keys);
    }

    @Benchmark
    @OperationsPerInvocation(BenchApps.BATCH)
    public long perEvent() {
        for (int i = 0; i < BenchApps.BATCH / 2; i++) {
            long n = pairs++;
            input.send(++timestamp, starts[key(n)]);
            if (n >= LAG) {
                expected++;
                input.send(++timestamp, completions[key(n - LAG)]);
            } else {
                input.send(++timestamp, completions[key(n + keys / 2)]); // a key with nothing to complete
            }
        }
        return output.count();
    }

    @TearDown(Level.Trial)
    public void checkAndClose() {
        runtime.close();
        if (output.count() != expected) {
            throw new IllegalStateException("partitioned pattern: " + output.count() + " matches, expected " + expected
                    + ": the figures are invalid");
        }
    }
}
