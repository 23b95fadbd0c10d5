package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ProcessClockTest {
    @Test
    void theTimeSinceTheProcessStartedCoversTheJvmsUptimeToTheTickNotToTheSecond() {
        long before = ManagementFactory.getRuntimeMXBean().getUptime();
        long since = ProcessClock.sinceStart();
        long after = ManagementFactory.getRuntimeMXBean().getUptime();
        // the process starts before the JVM does (by the launcher's few ms here); /proc counts in 10 ms ticks
        assertThat(since).isGreaterThanOrEqualTo(before - 20);
        // ProcessHandle's start instant is off by up to a second (the boot time in whole seconds): this is not
        assertThat(since).isLessThanOrEqualTo(after + 500);
    }
}
