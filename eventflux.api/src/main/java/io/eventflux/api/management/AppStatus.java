package io.eventflux.api.management;

import java.util.List;
import java.util.Objects;

/**
 * What {@code eventflux:status APP} shows: the app's lifecycle, its streams with their counters, its
 * queries and the snapshot revisions kept for it.
 *
 * @param summary name, state, waiting-for, error, uptime
 * @param streams every stream (empty while the app never compiled, i.e. WAITING since its deploy)
 * @param queries every continuous query (same)
 * @param snapshots the snapshot revisions (in the app's persistence store, else in memory), oldest first
 */
public record AppStatus(AppSummary summary, List<StreamStatus> streams, List<QueryStatus> queries,
        List<SnapshotInfo> snapshots) {
    public AppStatus {
        Objects.requireNonNull(summary, "summary");
        streams = List.copyOf(streams);
        queries = List.copyOf(queries);
        snapshots = List.copyOf(snapshots);
    }
}
