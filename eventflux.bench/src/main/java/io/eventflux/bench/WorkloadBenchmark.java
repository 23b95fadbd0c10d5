package io.eventflux.bench;

import io.eventflux.api.CompileException;
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
 * The five standard workloads (issue 10) under JMH, for profilers ({@code -prof gc} gives the allocation
 * per event as {@code gc.alloc.rate.norm}): the same app, rows and sending as {@link WorkloadHarness}, one
 * invocation sending the next {@value #SLICE} of the workload's rows (wrapping round). Score = events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class WorkloadBenchmark {
    /** Rows per invocation; divides every workload's event count. */
    static final int SLICE = 10_000;

    @Param({"W1", "W2", "W3", "W4", "W5"})
    public String workload;

    private WorkloadRun run;
    private int next;
    private long sent;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        run = new WorkloadRun(Workload.valueOf(workload), Workload.valueOf(workload).events());
    }

    @Benchmark
    @OperationsPerInvocation(SLICE)
    public long slice() {
        int from = next;
        run.send(from, from + SLICE);
        next = from + SLICE == run.events() ? 0 : from + SLICE;
        sent += SLICE;
        return run.outputs();
    }

    /** Fails the trial, rather than report a figure, if whole rounds did not give the peers' count per round. */
    @TearDown(Level.Trial)
    public void check() {
        Workload w = Workload.valueOf(workload);
        long rounds = sent / run.events();
        long outputs = run.outputs();
        run.close();
        // W4 and W5 carry state across rounds: only the steady state is compared (within one round's slack)
        long expected = rounds * w.expectedOutputs();
        long slack = w.expectedOutputs() + (w == Workload.W4 || w == Workload.W5 ? w.expectedOutputs() : 0);
        if (Math.abs(outputs - expected) > slack) {
            throw new IllegalStateException(w + ": " + sent + " events in, " + outputs + " out, expected about "
                    + expected + ": the figures are invalid");
        }
    }
}
