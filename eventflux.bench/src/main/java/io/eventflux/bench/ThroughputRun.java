package io.eventflux.bench;

import io.eventflux.api.CompileException;
import java.util.concurrent.TimeUnit;

/**
 * W1 in asynchronous mode as fast as it goes: one producer thread (not the writer, not the caller) sends
 * {@code eventsPerRound} rows into the ring per round, as fast as the ring takes them; a round's time runs
 * from its first send to its last output on the callback. Warm-up rounds first, then the measured ones.
 */
final class ThroughputRun {
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * @param eventsPerSecond one figure per measured round
     */
    record Result(double[] eventsPerSecond, long sent, long outputs, long expectedOutputs, long mismatches) {
        boolean complete() {
            return outputs == expectedOutputs && mismatches == 0;
        }
    }

    private ThroughputRun() {
    }

    static Result run(Object[][] rows, String wait, int batchSizeMax, int ringSize, long eventsPerRound, int warmup,
            int rounds) throws CompileException, InterruptedException {
        try (AsyncW1 w1 = new AsyncW1(rows, wait, batchSizeMax, ringSize, null)) {
            double[] eps = new double[rounds];
            long[] sent = new long[1];
            boolean[] drained = {true};
            Thread producer = new Thread(() -> {
                long next = 0;
                for (int r = 0; r < warmup + rounds && drained[0]; r++) {
                    long t0 = System.nanoTime();
                    for (long i = 0; i < eventsPerRound; i++) {
                        w1.send(next++);
                    }
                    drained[0] = w1.awaitOutputs(w1.expectedOutputs(next), DRAIN_TIMEOUT_NANOS);
                    long t1 = System.nanoTime();
                    if (r >= warmup) {
                        eps[r - warmup] = eventsPerRound * 1e9 / (t1 - t0);
                    }
                }
                sent[0] = next;
            }, "w1-producer");
            producer.start();
            producer.join();
            return new Result(eps, sent[0], w1.outputs(), w1.expectedOutputs(sent[0]), w1.mismatches());
        }
    }
}
