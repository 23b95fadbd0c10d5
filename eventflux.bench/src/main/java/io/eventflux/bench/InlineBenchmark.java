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
 * Inline (synchronous) mode with the playback clock: the benchmark thread runs the query chain through
 * the public {@link InputHandler}, as {@code eventflux replay} and embedded callers do. Score = events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class InlineBenchmark {
    @Param({"filterProjection", "lengthWindowAvg", "timeBatchGroupBy", "timeWindowAvg"})
    public String app;

    /** How the queries time their chunks ({@code @app:metrics(latency = ...)}): on = one chunk in 64. */
    @Param({"on"})
    public String latency;

    private EventFluxRuntime runtime;
    private InputHandler input;
    private Object[][] data;
    private final BenchApps.OutputCounter output = new BenchApps.OutputCounter();
    private long timestamp;
    private long sent;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        runtime = EventFluxRuntime.withServiceLoader(InlineBenchmark.class.getClassLoader());
        AppRuntime appRuntime = runtime.deploy("@app:metrics(latency = '" + latency + "')\n" + BenchApps.sql(app),
                DeployOptions.playback().withName("bench"));
        appRuntime.addCallback("Out", output);
        input = appRuntime.inputHandler("S");
        data = BenchApps.data();
    }

    /** One event per {@code send} call. */
    @Benchmark
    @OperationsPerInvocation(BenchApps.BATCH)
    public long perEvent() {
        for (Object[] row : data) {
            input.send(++timestamp, row);
        }
        sent += data.length;
        return output.count();
    }

    /** {@value BenchApps#BATCH} events per {@code send(List)} call, processed as one chunk. */
    @Benchmark
    @OperationsPerInvocation(BenchApps.BATCH)
    public long chunk() {
        input.send(BenchApps.chunk(data, timestamp + 1));
        timestamp += data.length;
        sent += data.length;
        return output.count();
    }

    @TearDown(Level.Trial)
    public void checkAndClose() {
        long expected = BenchApps.expectedOutput(app, sent);
        runtime.close();
        if (output.count() != expected) {
            throw new IllegalStateException(app + ": " + sent + " events in, " + output.count()
                    + " out, expected " + expected + ": the figures are invalid");
        }
    }
}
