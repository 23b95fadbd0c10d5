package peers;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * java -jar peers.jar siddhi|esper [W1..W5 ...]
 *   parent: for each workload forks JVMS child JVMs (-Xms1g -Xmx1g), prints one line per JVM and one summary line.
 * java -jar peers.jar --child siddhi|esper W1
 *   child: builds the engine, deploys the workload, runs WARMUP + ROUNDS rounds, prints a RESULT line.
 * Tunables (system properties, passed on to children): peers.events (default per workload), peers.warmup (3),
 * peers.rounds (5), peers.jvms (3), peers.heap (1g).
 */
public final class Main {
    static final List<String> ALL = List.of("W1", "W2", "W3", "W4", "W5");
    static final String[] PASS_PROPS = {"peers.events", "peers.warmup", "peers.rounds"};

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        if (args.length >= 1 && args[0].equals("--child")) {
            child(args[1], args[2]);
            return;
        }
        if (args.length < 1 || !(args[0].equals("siddhi") || args[0].equals("esper"))) {
            System.err.println("usage: java -jar peers.jar siddhi|esper [W1..W5 ...]   |   --child siddhi|esper Wn");
            System.exit(2);
        }
        String engine = args[0];
        List<String> ws = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : ALL;
        for (String w : ws) {
            if (!ALL.contains(w)) throw new IllegalArgumentException("unknown workload " + w);
        }
        int jvms = Integer.getInteger("peers.jvms", 3);
        String heap = System.getProperty("peers.heap", "1g");
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        String jar = new File(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        for (String w : ws) {
            double[] jvmMedians = new double[jvms];
            long outputs = -1;
            boolean consistent = true;
            int events = -1;
            for (int j = 0; j < jvms; j++) {
                List<String> cmd = new ArrayList<>();
                cmd.add(javaCmd);
                cmd.add("-Xms" + heap);
                cmd.add("-Xmx" + heap);
                for (String a : System.getProperty("peers.jvmargs", "").split(" ")) if (!a.isBlank()) cmd.add(a);
                for (String p : PASS_PROPS) {
                    if (System.getProperty(p) != null) cmd.add("-D" + p + "=" + System.getProperty(p));
                }
                cmd.add("-cp");
                cmd.add(jar);
                cmd.add(Main.class.getName());
                cmd.add("--child");
                cmd.add(engine);
                cmd.add(w);
                ProcessBuilder pb = new ProcessBuilder(cmd);
                pb.redirectError(ProcessBuilder.Redirect.INHERIT);
                Process p = pb.start();
                String result = null;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("RESULT ")) result = line; else System.out.println(line);
                    }
                }
                int rc = p.waitFor();
                if (rc != 0 || result == null) {
                    throw new IllegalStateException("child JVM failed rc=" + rc + " for " + engine + " " + w);
                }
                // RESULT events=N median_eps=X outputs=a,b,c eps=x,y,z
                String[] parts = result.split(" ");
                events = Integer.parseInt(val(parts, "events"));
                jvmMedians[j] = Double.parseDouble(val(parts, "median_eps"));
                String outs = val(parts, "outputs");
                String eps = val(parts, "eps");
                for (String o : outs.split(",")) {
                    long v = Long.parseLong(o);
                    if (outputs < 0) outputs = v; else if (outputs != v) consistent = false;
                }
                System.out.printf("%s %s jvm=%d rounds_eps=[%s] rounds_outputs=[%s] jvm_median_eps=%.0f%n",
                        engine, w, j + 1, eps, outs, jvmMedians[j]);
            }
            System.out.printf("%s %s events=%d outputs=%d median_eps=%.0f%n",
                    engine, w, events, outputs, median(jvmMedians));
            if (!consistent) {
                System.out.printf("WARNING %s %s: output count differs between measured rounds/JVMs%n", engine, w);
            }
            if (events == Data.defaultEvents(w) && outputs != Data.expectedOutputs(w)) {
                System.out.printf("WARNING %s %s: outputs=%d, expected %d%n", engine, w, outputs, Data.expectedOutputs(w));
            }
            System.out.flush();
        }
    }

    static String val(String[] parts, String key) {
        for (String s : parts) {
            if (s.startsWith(key + "=")) return s.substring(key.length() + 1);
        }
        throw new IllegalArgumentException("missing " + key);
    }

    static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2.0;
    }

    static void child(String engine, String w) throws Exception {
        int n = Integer.getInteger("peers.events", Data.defaultEvents(w));
        int warmup = Integer.getInteger("peers.warmup", 3);
        int rounds = Integer.getInteger("peers.rounds", 5);
        Object[][] rows = Data.rows(n);
        Engine e = engine.equals("siddhi") ? new SiddhiEngine(w) : new EsperEngine(w);
        double[] eps = new double[rounds];
        long[] outs = new long[rounds];
        StringBuilder warm = new StringBuilder();
        int round = 0;
        for (int r = 0; r < warmup + rounds; r++, round++) {
            e.resetOutputs();
            long t0 = System.nanoTime();
            e.sendRound(rows, round);
            long t1 = System.nanoTime();
            long o = e.outputs();
            double x = n / ((t1 - t0) / 1e9);
            if (r < warmup) {
                warm.append(warm.length() == 0 ? "" : ",").append(String.format("%.0f/%d", x, o));
            } else {
                eps[r - warmup] = x;
                outs[r - warmup] = o;
            }
        }
        e.close();
        StringBuilder se = new StringBuilder();
        StringBuilder so = new StringBuilder();
        for (int i = 0; i < rounds; i++) {
            se.append(i == 0 ? "" : ",").append(String.format("%.0f", eps[i]));
            so.append(i == 0 ? "" : ",").append(outs[i]);
        }
        System.err.printf("[child %s %s] warmup eps/outputs=[%s]%n", engine, w, warm);
        System.out.printf("RESULT events=%d median_eps=%.1f outputs=%s eps=%s%n", n, median(eps), so, se);
        System.out.flush();
        System.exit(0);
    }
}
