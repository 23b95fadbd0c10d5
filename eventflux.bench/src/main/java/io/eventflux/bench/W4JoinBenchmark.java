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
 * Workload W4 (issue 10): {@code StockStream WINDOW('length', 10) JOIN TradeStream WINDOW('length', 10) ON
 * s.symbol = t.symbol}, inline mode. One invocation is one round: the 1,000,000 pre-generated rows of
 * {@link Workload#rows}, even rows into StockStream and odd rows into TradeStream through
 * {@code InputHandler.send(Object[])}, replayed on the same deployed app. Every round after the first must
 * produce {@link Workload#expectedOutputs()} rows (the peers' steady-state count), or the run fails.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class W4JoinBenchmark {
    static final int EVENTS = 1_000_000;

    private EventFluxRuntime runtime;
    private InputHandler stocks;
    private InputHandler trades;
    private Object[][] rows;
    private final BenchApps.OutputCounter output = new BenchApps.OutputCounter();
    private int rounds;
    private long lastCount;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        if (Workload.W4.events() != EVENTS) {
            throw new IllegalStateException("W4 events changed: " + Workload.W4.events());
        }
        rows = Workload.rows(EVENTS);
        runtime = EventFluxRuntime.withServiceLoader(W4JoinBenchmark.class.getClassLoader());
        AppRuntime app = runtime.deploy(Workload.W4.sql(), DeployOptions.defaults().withSynchronous(true).withName("w4"));
        app.addCallback("Out", output);
        stocks = app.inputHandler("StockStream");
        trades = app.inputHandler("TradeStream");
    }

    /** One round: every row once, alternating streams. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long round() {
        Object[][] r = rows;
        for (int i = 0; i < r.length; i += 2) {
            stocks.send(r[i]);
            trades.send(r[i + 1]);
        }
        long count = output.count();
        long produced = count - lastCount;
        lastCount = count;
        if (++rounds > 1 && produced != Workload.W4.expectedOutputs()) {
            throw new IllegalStateException("W4 round " + rounds + ": " + produced + " rows, expected "
                    + Workload.W4.expectedOutputs() + ": the figures are invalid");
        }
        return count;
    }

    @TearDown(Level.Trial)
    public void close() {
        runtime.close();
    }
}
