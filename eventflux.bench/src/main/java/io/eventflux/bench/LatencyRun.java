package io.eventflux.bench;

import io.eventflux.api.CompileException;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * W1 in asynchronous mode with one producer thread paced at a steady rate ({@link Pacer}); every output's
 * latency, from its input's intended send time to the callback, goes into an HdrHistogram (on the app's
 * writer thread, which is the callback's). The first {@code warmupEvents} inputs are sent at the same rate
 * but not recorded.
 */
final class LatencyRun {
    /** The longest latency recorded exactly; longer ones are recorded as this. */
    static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);

    /**
     * @param rate events per second
     * @param warmupEvents events sent first, not recorded
     * @param measuredEvents events recorded after them
     * @param drainTimeoutNanos how long to wait for the last outputs once everything is sent
     */
    record Settings(long rate, long warmupEvents, long measuredEvents, String waitStrategy, int batchSizeMax, int ringSize,
            long drainTimeoutNanos) {
        long total() {
            return warmupEvents + measuredEvents;
        }
    }

    /**
     * @param histogram the recorded latencies, in nanoseconds
     * @param maxSendLagNanos the most the producer was behind its schedule when a send returned
     * @param sendSeconds from the first intended send to the return of the last send
     */
    record Result(Histogram histogram, long sent, long outputs, long expectedOutputs, long mismatches,
            long maxSendLagNanos, double sendSeconds) {
        boolean complete() {
            return outputs == expectedOutputs && mismatches == 0;
        }

        double achievedRate() {
            return sent / sendSeconds;
        }
    }

    private LatencyRun() {
    }

    static Result run(Object[][] rows, Settings s) throws CompileException, InterruptedException {
        Recorder recorder = new Recorder(s.warmupEvents());
        try (AsyncW1 w1 = new AsyncW1(rows, s.waitStrategy(), s.batchSizeMax(), s.ringSize(), recorder)) {
            Pacer pacer = new Pacer(System::nanoTime, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10), s.rate());
            recorder.pacer = pacer;
            long[] maxLag = new long[1];
            long total = s.total();
            Thread producer = new Thread(() -> {
                long lag = 0;
                for (long i = 0; i < total; i++) {
                    long due = pacer.awaitTurn(i);
                    w1.send(i);
                    lag = Math.max(lag, System.nanoTime() - due);
                }
                maxLag[0] = lag;
            }, "w1-paced-producer");
            producer.start();
            producer.join();
            double sendSeconds = (System.nanoTime() - pacer.intended(0)) / 1e9;
            long expected = w1.expectedOutputs(total);
            w1.awaitOutputs(expected, s.drainTimeoutNanos());
            return new Result(recorder.histogram, total, w1.outputs(), expected, w1.mismatches(), maxLag[0], sendSeconds);
        }
    }

    /** Records latencies on the writer thread; read after the run. */
    private static final class Recorder implements AsyncW1.OutputListener {
        private final Histogram histogram = new Histogram(1, HIGHEST_NANOS, 3);
        private final long firstRecorded;
        /** Set before the producer starts; read by the writer only after the producer's first send. */
        private Pacer pacer;

        Recorder(long firstRecorded) {
            this.firstRecorded = firstRecorded;
        }

        @Override
        public void onOutput(long inputIndex, long callbackNanos) {
            if (inputIndex >= firstRecorded) {
                long latency = callbackNanos - pacer.intended(inputIndex);
                histogram.recordValue(Math.max(1, Math.min(latency, HIGHEST_NANOS)));
            }
        }
    }
}
