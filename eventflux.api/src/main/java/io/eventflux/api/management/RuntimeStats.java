package io.eventflux.api.management;

import java.util.List;

/**
 * The numbers of the whole runtime, for {@code eventflux:stats} without an app.
 *
 * @param running apps RUNNING
 * @param waiting apps WAITING for extensions
 * @param failed apps FAILED
 * @param stopped apps STOPPED
 * @param extensions extensions available
 * @param heapUsedBytes JVM heap in use
 * @param heapMaxBytes JVM heap limit (-1 when undefined)
 * @param apps the numbers of every app, in deploy order
 */
public record RuntimeStats(int running, int waiting, int failed, int stopped, int extensions, long heapUsedBytes,
        long heapMaxBytes, List<AppStats> apps) {
    public RuntimeStats {
        apps = List.copyOf(apps);
    }
}
