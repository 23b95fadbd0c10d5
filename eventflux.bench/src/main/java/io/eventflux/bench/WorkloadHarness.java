package io.eventflux.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar eventflux-bench.jar [W1..W5] [options]}: the five standard workloads measured the way the
 * compared engines were (issue 10): per workload, {@code --jvms} fresh JVMs (default 3); in each, the app is
 * deployed once, the seeded rows generated before timing, {@code --warmup} rounds (3) then {@code --rounds}
 * measured rounds (5) replay the same rows; a JVM's figure is the median of its measured rounds, the
 * workload's the median of its JVMs. Prints one line per workload on stdout:
 * {@code eventflux W1 events=2000000 outputs=999384 median_eps=...}, the details on stderr. Exits with 1 if
 * an output count is not the peers' (at the standard event counts) or differs between measured rounds.
 *
 * <p>Options: {@code --jvms n} (0 runs in this JVM), {@code --warmup n}, {@code --rounds n},
 * {@code --events n} (another event count per round: the peers' counts then do not apply),
 * {@code --jvm-arg arg} (repeatable; default {@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch}: the heap's pages are
 * touched when the JVM starts, so no measured round pays the kernel's first-touch page faults of a young
 * generation the collector has just grown).
 */
public final class WorkloadHarness {
    private static final String CHILD = "--child";

    private WorkloadHarness() {
    }

    /** What one JVM measured for a workload. */
    record JvmResult(Workload workload, int events, double[] roundEps, long[] roundOutputs, double bytesPerEvent,
            double cpuEps) {
        double medianEps() {
            return median(roundEps);
        }

        /** The output count of every measured round, or -1 if they differ. */
        long outputs() {
            for (long o : roundOutputs) {
                if (o != roundOutputs[0]) {
                    return -1;
                }
            }
            return roundOutputs.length == 0 ? -1 : roundOutputs[0];
        }

        String line() {
            StringBuilder b = new StringBuilder("result ").append(workload).append(' ').append(events)
                    .append(' ').append(bytesPerEvent).append(' ').append(cpuEps);
            for (int i = 0; i < roundEps.length; i++) {
                b.append(' ').append((long) roundEps[i]).append(':').append(roundOutputs[i]);
            }
            return b.toString();
        }

        static JvmResult parse(String line) {
            String[] p = line.trim().split(" ");
            int rounds = p.length - 5;
            double[] eps = new double[rounds];
            long[] outs = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                String[] r = p[5 + i].split(":");
                eps[i] = Double.parseDouble(r[0]);
                outs[i] = Long.parseLong(r[1]);
            }
            return new JvmResult(Workload.valueOf(p[1]), Integer.parseInt(p[2]), eps, outs, Double.parseDouble(p[3]),
                    Double.parseDouble(p[4]));
        }
    }

    /** The options of one run. */
    record Options(List<Workload> workloads, int jvms, int warmup, int rounds, int events, List<String> jvmArgs) {
        static Options parse(String[] args) {
            List<Workload> workloads = new ArrayList<>();
            int jvms = 3;
            int warmup = 3;
            int rounds = 5;
            int events = -1;
            List<String> jvmArgs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--jvms" -> jvms = nonNegative(a, args, ++i);
                    case "--warmup" -> warmup = nonNegative(a, args, ++i);
                    case "--rounds" -> rounds = Math.max(1, nonNegative(a, args, ++i));
                    case "--events" -> events = Math.max(1, nonNegative(a, args, ++i));
                    case "--jvm-arg" -> jvmArgs.add(value(a, args, ++i));
                    case CHILD -> jvms = 0;
                    default -> {
                        try {
                            workloads.add(Workload.valueOf(a.toUpperCase()));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("unknown workload or option '" + a
                                    + "': expected W1..W5, --jvms, --warmup, --rounds, --events, --jvm-arg");
                        }
                    }
                }
            }
            if (workloads.isEmpty()) {
                workloads.addAll(Arrays.asList(Workload.values()));
            }
            if (jvmArgs.isEmpty()) {
                jvmArgs.addAll(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"));
            }
            return new Options(workloads, jvms, warmup, rounds, events, jvmArgs);
        }

        int eventsOf(Workload w) {
            return events > 0 ? events : w.events();
        }

        private static String value(String option, String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int nonNegative(String option, String[] args, int i) {
            String v = value(option, args, i);
            try {
                int n = Integer.parseInt(v);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " expects a non-negative integer, got '" + v + "'");
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean child = Arrays.asList(args).contains(CHILD);
        boolean ok = true;
        for (Workload w : options.workloads()) {
            if (child) {
                System.out.println(measure(w, options).line());
                continue;
            }
            List<JvmResult> results = new ArrayList<>();
            if (options.jvms() == 0) {
                results.add(measure(w, options));
            } else {
                for (int j = 0; j < options.jvms(); j++) {
                    results.add(fork(w, options));
                }
            }
            ok &= report(w, options, results, System.out, System.err);
        }
        System.exit(ok ? 0 : 1);
    }

    /** Deploys the workload in this JVM and measures it. */
    static JvmResult measure(Workload w, Options options) throws Exception {
        try (WorkloadRun run = new WorkloadRun(w, options.eventsOf(w))) {
            for (int i = 0; i < options.warmup(); i++) {
                run.round();
            }
            double[] eps = new double[options.rounds()];
            long[] outs = new long[options.rounds()];
            double[] cpuEps = new double[options.rounds()];
            long bytes = 0;
            for (int i = 0; i < eps.length; i++) {
                long nanos = run.round();
                eps[i] = run.events() * 1e9 / nanos;
                cpuEps[i] = run.events() * 1e9 / Math.max(1, run.lastCpuNanos());
                outs[i] = run.lastOutputs();
                bytes += run.lastAllocated();
            }
            return new JvmResult(w, run.events(), eps, outs, (double) bytes / eps.length / run.events(),
                    median(cpuEps));
        }
    }

    /** Prints the workload's line; false if its output count is wrong. */
    static boolean report(Workload w, Options options, List<JvmResult> results, PrintStream out, PrintStream err) {
        double[] medians = results.stream().mapToDouble(JvmResult::medianEps).toArray();
        long outputs = results.get(0).outputs();
        boolean consistent = results.stream().allMatch(r -> r.outputs() == outputs && outputs >= 0);
        boolean standard = options.events() < 0;
        boolean ok = consistent && (!standard || outputs == w.expectedOutputs());
        out.printf("eventflux %s events=%d outputs=%d median_eps=%d%n", w, results.get(0).events(), outputs,
                (long) median(medians));
        for (JvmResult r : results) {
            err.printf("  %s jvm median_eps=%d rounds_eps=%s outputs=%s alloc_bytes_per_event=%.1f cpu_eps=%d%n", w,
                    (long) r.medianEps(), Arrays.toString(Arrays.stream(r.roundEps()).mapToLong(d -> (long) d).toArray()),
                    Arrays.toString(r.roundOutputs()), r.bytesPerEvent(), (long) r.cpuEps());
        }
        if (!consistent) {
            err.printf("  %s: the output count differs between rounds or JVMs: the figure is invalid%n", w);
        } else if (standard && outputs != w.expectedOutputs()) {
            err.printf("  %s: %d outputs per round, the peers produce %d: the figure is invalid%n", w, outputs,
                    w.expectedOutputs());
        }
        return ok;
    }

    /** Runs the workload in a fresh JVM (this jar, {@code --child}) and reads its result line. */
    private static JvmResult fork(Workload w, Options options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(options.jvmArgs());
        cmd.add("-cp");
        cmd.add(ownClassPath());
        cmd.add(WorkloadHarness.class.getName());
        cmd.addAll(List.of(w.name(), CHILD, "--warmup", String.valueOf(options.warmup()),
                "--rounds", String.valueOf(options.rounds())));
        if (options.events() > 0) {
            cmd.addAll(List.of("--events", String.valueOf(options.events())));
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JvmResult result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith("result ")) {
                    result = JvmResult.parse(line);
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0 || result == null) {
            throw new IllegalStateException("the JVM measuring " + w + " failed (exit " + rc + "): " + cmd);
        }
        return result;
    }

    private static String ownClassPath() {
        try {
            File f = new File(WorkloadHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return f.isFile() ? f.getPath() : System.getProperty("java.class.path");
        } catch (URISyntaxException | SecurityException e) {
            return System.getProperty("java.class.path");
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
