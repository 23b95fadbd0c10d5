package io.eventflux.bench;

import io.eventflux.api.CompileException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * W1 in asynchronous mode with one producer thread paced at a steady rate ({@link Pacer}); every output's
 * latency, from its input's intended send time to the callback, goes into an HdrHistogram (on the app's
 * writer thread, which is the callback's). The first {@code warmupEvents} inputs are sent at the same rate
 * but not recorded. A second histogram measures from the moment the producer actually called {@code send}:
 * the engine's own part, without the time an event waited for a late producer (on a busy machine the
 * producer thread itself is descheduled; the first histogram counts that, as a user would see it).
 */
final class LatencyRun {
    /** The longest latency recorded exactly; longer ones are recorded as this. */
    static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** Send times kept per input, by index modulo this: far more than a ring's worth of events in flight. */
    private static final int SENT_AT_SLOTS = 1 << 20;

    /**
     * @param rate events per second
     * @param warmupEvents events sent first, not recorded
     * @param measuredEvents events recorded after them
     * @param drainTimeoutNanos how long to wait for the last outputs once everything is sent
     * @param spin the producer spins between events ({@code onSpinWait}) instead of yielding its core
     */
    record Settings(long rate, long warmupEvents, long measuredEvents, String waitStrategy, int batchSizeMax, int ringSize,
            long drainTimeoutNanos, boolean spin) {
        long total() {
            return warmupEvents + measuredEvents;
        }
    }

    /**
     * @param histogram the recorded latencies from the intended send times, in nanoseconds
     * @param service the recorded latencies from the actual calls of {@code send}, in nanoseconds
     * @param maxSendLagNanos the most the producer was behind its schedule when a send returned
     * @param sendSeconds from the first intended send to the return of the last send
     * @param writerCpuShare the CPU time of the app's writer thread over the measured part, as a share of
     *        one core (what the wait strategy costs while the app is mostly idle); -1 if not measured
     */
    record Result(Histogram histogram, Histogram service, long sent, long outputs, long expectedOutputs, long mismatches,
            long maxSendLagNanos, double sendSeconds, double writerCpuShare) {
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
            System.gc(); // the rows' generation and the deployment leave garbage: not in the measured part
            Pacer pacer = new Pacer(System::nanoTime, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10), s.rate(),
                    s.spin() ? Thread::onSpinWait : Thread::yield);
            recorder.pacer = pacer;
            long[] maxLag = new long[1];
            long total = s.total();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            boolean cpu = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
            double[] writerCpu = {-1};
            Thread producer = new Thread(() -> {
                long lag = 0;
                long cpu0 = 0;
                long wall0 = 0;
                for (long i = 0; i < total; i++) {
                    long due = pacer.awaitTurn(i);
                    recorder.sentAt[(int) (i & (SENT_AT_SLOTS - 1))] = System.nanoTime();
                    w1.send(i); // the ring's publish makes sentAt visible to the writer
                    lag = Math.max(lag, System.nanoTime() - due);
                    if (i == s.warmupEvents() && cpu && w1.writer() != null) {
                        cpu0 = threads.getThreadCpuTime(w1.writer().getId());
                        wall0 = System.nanoTime();
                    }
                }
                if (wall0 != 0) {
                    writerCpu[0] = (threads.getThreadCpuTime(w1.writer().getId()) - cpu0)
                            / (double) (System.nanoTime() - wall0);
                }
                maxLag[0] = lag;
            }, "w1-paced-producer");
            producer.start();
            producer.join();
            double sendSeconds = (System.nanoTime() - pacer.intended(0)) / 1e9;
            long expected = w1.expectedOutputs(total);
            w1.awaitOutputs(expected, s.drainTimeoutNanos());
            return new Result(recorder.histogram, recorder.service, total, w1.outputs(), expected, w1.mismatches(), maxLag[0], sendSeconds,
                    writerCpu[0]);
        }
    }

    /** Records latencies on the writer thread; read after the run. */
    private static final class Recorder implements AsyncW1.OutputListener {
        private final Histogram histogram = new Histogram(1, HIGHEST_NANOS, 3);
        private final Histogram service = new Histogram(1, HIGHEST_NANOS, 3);
        private final long[] sentAt = new long[SENT_AT_SLOTS];
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
                long fromSend = callbackNanos - sentAt[(int) (inputIndex & (SENT_AT_SLOTS - 1))];
                service.recordValue(Math.max(1, Math.min(fromSend, HIGHEST_NANOS)));
            }
        }
    }
}
