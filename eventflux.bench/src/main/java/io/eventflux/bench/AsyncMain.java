package io.eventflux.bench;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Workload W1 in asynchronous mode (issue 10), from the bench jar:
 *
 * <pre>
 * java -cp eventflux.bench/target/benchmarks.jar io.eventflux.bench.AsyncMain latency [options]
 * java -cp eventflux.bench/target/benchmarks.jar io.eventflux.bench.AsyncMain throughput [options]
 * </pre>
 *
 * {@code latency}: one producer thread paced at {@code --rate} events/s ({@link LatencyRun}) for
 * {@code --warmup} then {@code --seconds} seconds; prints p50/p90/p99/p99.9/p99.99/max of send-to-callback;
 * {@code --pacing yield} (default: the producer yields its core between events) or {@code spin}.
 * {@code throughput}: one producer thread as fast as the ring takes ({@link ThroughputRun}), {@code --warmup}
 * then {@code --rounds} rounds of {@code --events}; prints the median events/s. Both: {@code --wait}
 * (blocking, sleeping, yielding, busy-spin), {@code --batch} ({@code async.batch_size_max}), {@code --ring}
 * (ring size). One summary line on stdout, details on stderr; exit 1 if an output is missing or wrong, 2 for
 * bad arguments.
 */
public final class AsyncMain {
    static final double TARGET_EPS = 5_000_000;
    static final long TARGET_P99_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private AsyncMain() {
    }

    /** The parsed command line; defaults are the targets. */
    record Options(String command, long rate, double seconds, double warmup, long events, int rounds, String waitStrategy,
            int batch, int ring, String hgrm, boolean spin) {
        static Options parse(String[] args) {
            if (args.length == 0 || !(args[0].equals("latency") || args[0].equals("throughput"))) {
                throw new IllegalArgumentException("first argument: latency or throughput");
            }
            boolean latency = args[0].equals("latency");
            long rate = 100_000;
            double seconds = 20;
            double warmup = latency ? 5 : 3;
            long events = 2_000_000;
            int rounds = 5;
            String wait = "blocking";
            int batch = 256;
            int ring = 4096;
            String hgrm = null;
            boolean spin = false;
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--rate" -> rate = Long.parseLong(v);
                    case "--seconds" -> seconds = Double.parseDouble(v);
                    case "--warmup" -> warmup = Double.parseDouble(v);
                    case "--events" -> events = Long.parseLong(v);
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    case "--wait" -> wait = v;
                    case "--batch" -> batch = Integer.parseInt(v);
                    case "--ring" -> ring = Integer.parseInt(v);
                    case "--hgrm" -> hgrm = v;
                    case "--pacing" -> spin = switch (v) {
                        case "spin" -> true;
                        case "yield" -> false;
                        default -> throw new IllegalArgumentException("--pacing: spin or yield, not " + v);
                    };
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            return new Options(args[0], rate, seconds, warmup, events, rounds, wait, batch, ring, hgrm, spin);
        }

        LatencyRun.Settings latencySettings() {
            return new LatencyRun.Settings(rate, (long) (warmup * rate), (long) (seconds * rate), waitStrategy, batch, ring,
                    TimeUnit.SECONDS.toNanos(60), spin);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("AsyncMain: " + e.getMessage());
            System.err.println("usage: AsyncMain latency [--rate 100000] [--seconds 20] [--warmup 5] [--hgrm FILE]"
                    + " [--pacing yield|spin]");
            System.err.println("       AsyncMain throughput [--events 2000000] [--warmup 3] [--rounds 5]");
            System.err.println("  both: [--wait blocking|sleeping|yielding|busy-spin] [--batch 256] [--ring 4096]");
            System.exit(2);
            return;
        }
        System.err.println("W1 async: " + AsyncW1.sql(o.waitStrategy(), o.batch()).replace('\n', ' ') + " ring=" + o.ring()
                + " cpus=" + Runtime.getRuntime().availableProcessors() + " jvm=" + System.getProperty("java.vm.version")
                + " args=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
        Object[][] rows = Workload.rows(Workload.W1.events());
        double loadBefore = load();
        boolean ok = o.command().equals("latency") ? latency(o, rows, loadBefore) : throughput(o, rows, loadBefore);
        System.exit(ok ? 0 : 1);
    }

    private static boolean latency(Options o, Object[][] rows, double loadBefore) throws Exception {
        LatencyRun.Result r = LatencyRun.run(rows, o.latencySettings());
        Histogram h = r.histogram();
        if (o.hgrm() != null) {
            try (PrintStream out = new PrintStream(o.hgrm(), "UTF-8")) {
                h.outputPercentileDistribution(out, 1000.0); // in microseconds
            } catch (FileNotFoundException e) {
                System.err.println("cannot write " + o.hgrm() + ": " + e.getMessage());
            }
        }
        System.err.printf(Locale.ROOT, "sent %d events in %.2f s (%.0f events/s; producer at most %.1f us behind"
                + " schedule), %d outputs of %d expected, %d wrong; %d latencies recorded%n", r.sent(), r.sendSeconds(),
                r.achievedRate(), r.maxSendLagNanos() / 1e3, r.outputs(), r.expectedOutputs(), r.mismatches(),
                h.getTotalCount());
        System.out.printf(Locale.ROOT, "eventflux W1 async latency rate=%d wait=%s batch=%d recorded=%d"
                + " p50_us=%.1f p90_us=%.1f p99_us=%.1f p99.9_us=%.1f p99.99_us=%.1f max_us=%.1f p99<1ms=%s"
                + " from_send(p50/p99/p99.9_us)=%.1f/%.1f/%.1f writer_cpu=%.0f%% load=%.2f/%.2f%n", o.rate(),
                o.waitStrategy(), o.batch(), h.getTotalCount(), us(h, 50), us(h, 90), us(h, 99), us(h, 99.9),
                us(h, 99.99), h.getMaxValue() / 1e3, h.getValueAtPercentile(99) < TARGET_P99_NANOS ? "yes" : "NO",
                us(r.service(), 50), us(r.service(), 99), us(r.service(), 99.9), r.writerCpuShare() * 100,
                loadBefore, load());
        if (!r.complete()) {
            System.err.println("INVALID: outputs missing or wrong, the figures do not count");
        }
        return r.complete();
    }

    private static boolean throughput(Options o, Object[][] rows, double loadBefore) throws Exception {
        ThroughputRun.Result r = ThroughputRun.run(rows, o.waitStrategy(), o.batch(), o.ring(), o.events(), (int) o.warmup(),
                o.rounds());
        double[] eps = r.eventsPerSecond();
        double median = median(eps);
        System.err.printf(Locale.ROOT, "rounds (events/s): %s; %d sent, %d outputs of %d expected, %d wrong%n",
                Arrays.toString(Arrays.stream(eps).mapToLong(Math::round).toArray()), r.sent(), r.outputs(),
                r.expectedOutputs(), r.mismatches());
        // each thread with a core of its own goes no faster than its CPU time per event allows
        double slower = Math.max(r.producerCpuNanosPerEvent(), r.writerCpuNanosPerEvent());
        System.out.printf(Locale.ROOT, "eventflux W1 async throughput events=%d wait=%s batch=%d median_eps=%.0f"
                + " >=5M=%s cpu_ns_per_event(producer/writer)=%.0f/%.0f cpu_bound_eps=%.0f load=%.2f/%.2f%n",
                o.events(), o.waitStrategy(), o.batch(), median, median >= TARGET_EPS ? "yes" : "NO",
                r.producerCpuNanosPerEvent(), r.writerCpuNanosPerEvent(), slower > 0 ? 1e9 / slower : -1,
                loadBefore, load());
        if (!r.complete()) {
            System.err.println("INVALID: outputs missing or wrong, the figures do not count");
        }
        return r.complete();
    }

    private static double us(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e3;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** The one-minute load average, -1 where the system has none. */
    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
