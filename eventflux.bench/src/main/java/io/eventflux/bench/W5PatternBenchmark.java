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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload W5 (issue 10): {@code PATTERN (EVERY a=StockStream[price > 90] -> b=StockStream[symbol = a.symbol
 * AND price < a.price]) WITHIN 1 SECOND}, inline mode, playback clock. One invocation is one round: the
 * 500,000 pre-generated rows of {@link Workload#rows}, row i sent with {@code send(timestamp, row)} at
 * {@link Workload#W5_EPOCH} + 110 * i (+ 500,000 * 110 more per later round), on the same deployed app.
 * Every round after the first must produce {@link Workload#expectedOutputs()} rows (the peers' count, in
 * steady state: the last row of a round starts a match the next round completes), or the run fails.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class W5PatternBenchmark {
    static final int EVENTS = 500_000;

    private EventFluxRuntime runtime;
    private InputHandler stocks;
    private Object[][] rows;
    private final BenchApps.OutputCounter output = new BenchApps.OutputCounter();
    private long base = Workload.W5_EPOCH;
    private int rounds;
    private long lastCount;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        if (Workload.W5.events() != EVENTS) {
            throw new IllegalStateException("W5 events changed: " + Workload.W5.events());
        }
        rows = Workload.rows(EVENTS);
        runtime = EventFluxRuntime.withServiceLoader(W5PatternBenchmark.class.getClassLoader());
        AppRuntime app = runtime.deploy(Workload.W5.sql(), DeployOptions.playback().withName("w5"));
        app.addCallback("Out", output);
        stocks = app.inputHandler("StockStream");
    }

    /** One round: every row once, 110 ms apart in event time, continuing the previous round's time line. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long round() {
        Object[][] r = rows;
        long t = base;
        for (int i = 0; i < r.length; i++) {
            stocks.send(t, r[i]);
            t += Workload.W5_STEP_MS;
        }
        base = t;
        long count = output.count();
        long produced = count - lastCount;
        lastCount = count;
        if (++rounds > 1 && produced != Workload.W5.expectedOutputs()) {
            throw new IllegalStateException("W5 round " + rounds + ": " + produced + " rows, expected "
                    + Workload.W5.expectedOutputs() + ": the figures are invalid");
        }
        return count;
    }

    @TearDown(Level.Trial)
    public void close() {
        runtime.close();
    }
}
