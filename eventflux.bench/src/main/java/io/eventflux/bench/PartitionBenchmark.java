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
 * A partitioned running sum ({@code PARTITION WITH (k OF S) BEGIN ... sum(v) ... END}) over {@code keys}
 * distinct keys, inline mode with the playback clock: every event is routed to its key's own query
 * instance (built at the key's first event, during warm-up) and emits one row. Score = events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PartitionBenchmark {
    static final int EVENTS = 10_000;

    @Param({"10000"})
    public int keys;

    private EventFluxRuntime runtime;
    private InputHandler input;
    private Object[][] data;
    private final BenchApps.OutputCounter output = new BenchApps.OutputCounter();
    private long timestamp;
    private long sent;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        runtime = EventFluxRuntime.withServiceLoader(PartitionBenchmark.class.getClassLoader());
        AppRuntime app = runtime.deploy("""
                CREATE STREAM S (k STRING, v LONG);
                PARTITION WITH (k OF S) BEGIN
                  INSERT INTO Out SELECT k, sum(v) AS total FROM S;
                END;
                """, DeployOptions.playback().withName("bench"));
        app.addCallback("Out", output);
        input = app.inputHandler("S");
        String[] names = new String[keys];
        for (int i = 0; i < keys; i++) {
            names[i] = "key-" + i;
        }
        // a stride through the keys, so that consecutive events hit different keys
        data = new Object[EVENTS][];
        for (int i = 0; i < EVENTS; i++) {
            data[i] = new Object[] {names[(int) ((i * 7919L) % keys)], (long) i};
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long perEvent() {
        for (Object[] row : data) {
            input.send(++timestamp, row);
        }
        sent += data.length;
        return output.count();
    }

    @TearDown(Level.Trial)
    public void checkAndClose() {
        runtime.close();
        if (output.count() != sent) {
            throw new IllegalStateException(sent + " events in, " + output.count() + " out: the figures are invalid");
        }
    }
}
