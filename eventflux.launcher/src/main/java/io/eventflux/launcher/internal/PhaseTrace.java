package io.eventflux.launcher.internal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The phases of a command after the framework started (compile, deploy, first output), on stderr in the
 * format of the launcher's boot trace ({@code eventflux: boot MS ms (cpu MS ms): PHASE}), when
 * {@code -Deventflux.boot.trace=true}: milliseconds since the JVM started and the CPU time of the process.
 */
final class PhaseTrace {
    static final String PROPERTY = "eventflux.boot.trace";

    private final PrintStream err;
    private final boolean on;

    PhaseTrace(PrintStream err, boolean on) {
        this.err = err;
        this.on = on;
    }

    /** On when the system property says so. */
    static PhaseTrace fromSystem(PrintStream err) {
        return new PhaseTrace(err, Boolean.getBoolean(PROPERTY));
    }

    static PhaseTrace off() {
        return new PhaseTrace(System.err, false);
    }

    boolean on() {
        return on;
    }

    void mark(String phase) {
        if (on) {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            err.println("eventflux: boot " + uptime + " ms (cpu " + cpu + " ms): " + phase);
        }
    }
}
