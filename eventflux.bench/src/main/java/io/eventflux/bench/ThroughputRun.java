package io.eventflux.bench;

import io.eventflux.api.CompileException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * W1 in asynchronous mode as fast as it goes: one producer thread (not the writer, not the caller) sends
 * {@code eventsPerRound} rows into the ring per round, as fast as the ring takes them; a round's time runs
 * from its first send to its last output on the callback. Warm-up rounds first, then the measured ones.
 * The CPU time the producer and the writer thread spent per event in the measured rounds is reported too: on
 * a machine busy with other work it shows what each side costs, whatever share of a core it got.
 */
final class ThroughputRun {
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * @param eventsPerSecond one figure per measured round
     * @param producerCpuNanosPerEvent the producer thread's CPU time per event in the measured rounds
     * @param writerCpuNanosPerEvent the app's writer thread's, -1 where the JVM does not measure thread CPU
     */
    record Result(double[] eventsPerSecond, long sent, long outputs, long expectedOutputs, long mismatches,
            double producerCpuNanosPerEvent, double writerCpuNanosPerEvent) {
        boolean complete() {
            return outputs == expectedOutputs && mismatches == 0;
        }
    }

    private ThroughputRun() {
    }

    static Result run(Object[][] rows, String wait, int batchSizeMax, int ringSize, long eventsPerRound, int warmup,
            int rounds) throws CompileException, InterruptedException {
        try (AsyncW1 w1 = new AsyncW1(rows, wait, batchSizeMax, ringSize, null)) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            boolean cpu = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
            double[] eps = new double[rounds];
            long[] sent = new long[1];
            long[] cpuNanos = new long[2]; // producer, writer; measured rounds only
            boolean[] drained = {true};
            Thread producer = new Thread(() -> {
                long next = 0;
                for (int r = 0; r < warmup + rounds && drained[0]; r++) {
                    Thread writer = w1.writer();
                    long p0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
                    long w0 = cpu && writer != null ? threads.getThreadCpuTime(writer.getId()) : 0;
                    long t0 = System.nanoTime();
                    for (long i = 0; i < eventsPerRound; i++) {
                        w1.send(next++);
                    }
                    drained[0] = w1.awaitOutputs(w1.expectedOutputs(next), DRAIN_TIMEOUT_NANOS);
                    long t1 = System.nanoTime();
                    if (r >= warmup) {
                        eps[r - warmup] = eventsPerRound * 1e9 / (t1 - t0);
                        if (cpu && writer != null) {
                            // the producer's waiting for the last outputs (a yield loop) counts against it
                            cpuNanos[0] += threads.getCurrentThreadCpuTime() - p0;
                            cpuNanos[1] += threads.getThreadCpuTime(writer.getId()) - w0;
                        }
                    }
                }
                sent[0] = next;
            }, "w1-producer");
            producer.start();
            producer.join();
            double measured = (double) eventsPerRound * rounds;
            return new Result(eps, sent[0], w1.outputs(), w1.expectedOutputs(sent[0]), w1.mismatches(),
                    cpu ? cpuNanos[0] / measured : -1, cpu ? cpuNanos[1] / measured : -1);
        }
    }
}
