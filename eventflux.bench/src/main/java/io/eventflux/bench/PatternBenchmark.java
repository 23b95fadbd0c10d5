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
 * {@code EVERY e1=A[...] -> e2=B[...] WITHIN 1 SECOND} over a stream with many partial matches: events are
 * 1 ms apart, 15 of 16 go to A (each starts a partial match, so about 940 are alive at any time, the older
 * ones expiring by WITHIN), 1 of 16 goes to B and completes exactly the partial match of the A sent 100 A
 * events before it. Inline mode, playback clock; score = events/s (A and B together).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PatternBenchmark {
    private static final String SQL = """
            CREATE STREAM A (id LONG, price DOUBLE);
            CREATE STREAM B (id LONG, price DOUBLE);
            INSERT INTO Out SELECT e1.id AS a, e2.price AS p
            FROM PATTERN (EVERY e1=A[price > 0] -> e2=B[id = e1.id AND price >= e1.price]) WITHIN 1 SECOND;
            """;
    private static final int LAG = 100;

    /** Bound on partial matches (0: none); with a bound below ~940 the oldest are dropped, not matched. */
    @Param({"0"})
    public int maxPartialMatches;

    private EventFluxRuntime runtime;
    private InputHandler a;
    private InputHandler b;
    private final BenchApps.OutputCounter output = new BenchApps.OutputCounter();
    private long timestamp;
    private long aCount;
    private long expected;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        runtime = EventFluxRuntime.withServiceLoader(PatternBenchmark.class.getClassLoader());
        String sql = maxPartialMatches > 0 ? "@app:pattern(max.partial.matches = " + maxPartialMatches + ")\n" + SQL
                : SQL;
        AppRuntime app = runtime.deploy(sql, DeployOptions.playback().withName("bench"));
        app.addCallback("Out", output);
        a = app.inputHandler("A");
        b = app.inputHandler("B");
    }

    @Benchmark
    @OperationsPerInvocation(BenchApps.BATCH)
    public long perEvent() {
        for (int i = 0; i < BenchApps.BATCH; i++) {
            long ts = ++timestamp;
            if ((ts & 15) == 0) {
                long target = aCount - LAG;
                if (target >= 0) {
                    expected++;
                }
                b.send(ts, new Object[] {target, 10.0});
            } else {
                a.send(ts, new Object[] {aCount++, 5.0});
            }
        }
        return output.count();
    }

    @TearDown(Level.Trial)
    public void checkAndClose() {
        runtime.close();
        if (maxPartialMatches == 0 && output.count() != expected) {
            throw new IllegalStateException("pattern: " + output.count() + " matches, expected " + expected
                    + ": the figures are invalid");
        }
    }
}
