package io.eventflux.launcher.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Milliseconds since this process started (the {@code bin/eventflux} script that exec'd the JVM keeps the
 * process, so its time counts). On Linux from {@code /proc}: the start in clock ticks since boot
 * ({@code /proc/self/stat}) against the time since boot ({@code /proc/uptime}), both on the same clock, to
 * about 10 ms. {@code ProcessHandle}'s start instant adds the boot time, which Linux gives in whole seconds,
 * so it is off by up to a second; it is only the fallback elsewhere.
 */
final class ProcessClock {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux ABI the JDK runs on

    private ProcessClock() {
    }

    /** Milliseconds since the process started, or -1 when unknown. */
    static long sinceStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // fields after the command name (which may hold spaces) in parentheses; starttime is field 22
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            double uptimeSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Math.round(uptimeSeconds * 1000) - startTicks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
        }
    }
}
