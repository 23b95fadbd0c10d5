package io.eventflux.api.management;

import java.util.Objects;

/**
 * One snapshot revision of an app's state: kept in the app's persistence store when it has one, else in
 * memory by the runtime.
 *
 * @param app the app's name
 * @param revision the id to restore it by (unique per app, increasing)
 * @param takenAt when it was taken, epoch milliseconds
 * @param parts how many stateful parts (windows, aggregations, sources, ...) it holds
 * @param base the revision it holds the changes since (an incremental revision, restored together with its
 *     base), or null for a full revision
 * @param bytes its stored size in bytes (0 when unknown)
 * @param stored true when it is in the app's persistence store (it survives a restart), false in memory
 */
public record SnapshotInfo(String app, String revision, long takenAt, int parts, String base, long bytes,
        boolean stored) {
    public SnapshotInfo {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(revision, "revision");
    }

    /** A full revision kept in memory, of unknown size. */
    public SnapshotInfo(String app, String revision, long takenAt, int parts) {
        this(app, revision, takenAt, parts, null, 0, false);
    }
}
