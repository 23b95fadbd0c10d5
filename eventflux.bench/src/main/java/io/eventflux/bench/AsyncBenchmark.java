package io.eventflux.bench;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.engine.EventFluxRuntime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * The default (asynchronous) mode: the benchmark thread publishes into the app's Disruptor ring buffer
 * (blocking while it is full) and the app's writer thread runs the queries. In steady state the score
 * (events/s) is the slower of publisher and consumer; each iteration ends when the ring has drained.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class AsyncBenchmark {
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Param({"filterProjection", "lengthWindowAvg"})
    public String app;

    private EventFluxRuntime runtime;
    private InputHandler input;
    private Object[][] data;
    private final BenchApps.OutputCounter output = new BenchApps.OutputCounter();
    private long sent;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        runtime = EventFluxRuntime.withServiceLoader(AsyncBenchmark.class.getClassLoader());
        AppRuntime appRuntime = runtime.deploy(BenchApps.sql(app), DeployOptions.defaults().withName("bench"));
        appRuntime.addCallback("Out", output);
        input = appRuntime.inputHandler("S");
        data = BenchApps.data();
    }

    @Benchmark
    @OperationsPerInvocation(BenchApps.BATCH)
    public long perEvent() {
        for (Object[] row : data) {
            input.send(row);
        }
        sent += data.length;
        return output.count();
    }

    /** Lets the writer thread catch up, so that no iteration inherits another's backlog. */
    @TearDown(Level.Iteration)
    public void drain() {
        long expected = BenchApps.expectedOutput(app, sent);
        long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
        while (output.count() < expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(app + ": " + sent + " events in, " + output.count()
                        + " out after 30 s, expected " + expected + ": the figures are invalid");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (output.count() != expected) {
            throw new IllegalStateException(app + ": " + output.count() + " out, expected " + expected);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        runtime.close();
    }
}
