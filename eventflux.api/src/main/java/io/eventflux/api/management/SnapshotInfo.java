package io.eventflux.api.management;

import java.util.Objects;

/**
 * One snapshot revision of an app's state, kept in memory by the runtime.
 *
 * @param app the app's name
 * @param revision the id to restore it by (unique per app, increasing)
 * @param takenAt when it was taken, epoch milliseconds
 * @param parts how many stateful parts (windows, aggregations, sources, ...) it holds
 */
public record SnapshotInfo(String app, String revision, long takenAt, int parts) {
    public SnapshotInfo {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(revision, "revision");
    }
}
