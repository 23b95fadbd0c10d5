package io.eventflux.launcher.internal.boot;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Timestamps of the start-up phases on stderr ({@code eventflux: boot ...}), when
 * {@code -Deventflux.boot.trace=true}: milliseconds since the JVM started, and the CPU time
 * the process used so far (all threads).
 */
final class BootTrace {
    static final String PROPERTY = "eventflux.boot.trace";

    private final PrintStream err;
    private final boolean on;

    BootTrace(PrintStream err, boolean on) {
        this.err = err;
        this.on = on;
    }

    void mark(String phase) {
        if (on) {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1_000_000 : -1;
            err.println("eventflux: boot " + uptime + " ms (cpu " + cpu + " ms): " + phase);
        }
    }

    boolean on() {
        return on;
    }
}
