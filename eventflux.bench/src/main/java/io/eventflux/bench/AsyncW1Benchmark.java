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
 * Workload W1 ({@link Workload#W1}, its seeded rows in order, round after round) in asynchronous mode: the
 * JMH thread is the producer, publishing into the app's Disruptor ring; the app's writer thread runs the
 * query and the checking callback. The score (events/s) is the slower of the two; each iteration ends when
 * every output has arrived, and fails if one is missing or wrong. Issue 10's target: 5 M events/s.
 * {@code -p waitStrategy=blocking|sleeping|yielding|busy-spin}, {@code -p batchSizeMax=n}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AsyncW1Benchmark {
    private static final int BATCH = 1024;
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Param({"blocking"})
    public String waitStrategy;

    @Param({"256"})
    public int batchSizeMax;

    private AsyncW1 w1;
    private long sent;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        w1 = new AsyncW1(Workload.rows(Workload.W1.events()), waitStrategy, batchSizeMax, 4096, null);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long perEvent() {
        long i = sent;
        for (long end = i + BATCH; i < end; i++) {
            w1.send(i);
        }
        sent = i;
        return w1.outputs();
    }

    /** Lets the writer catch up, so that no iteration inherits another's backlog; checks every output. */
    @TearDown(Level.Iteration)
    public void drain() {
        long expected = w1.expectedOutputs(sent);
        if (!w1.awaitOutputs(expected, DRAIN_TIMEOUT_NANOS) || w1.outputs() != expected || w1.mismatches() != 0) {
            throw new IllegalStateException("W1 async: " + sent + " events in, " + w1.outputs() + " out, expected "
                    + expected + ", " + w1.mismatches() + " wrong: the figures are invalid");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        w1.close();
    }
}
