package io.eventflux.engine.internal.io;

import io.eventflux.api.io.SnapshotParticipant;
import java.util.ArrayList;
import java.util.List;

/**
 * The connectors of one app that take part in its snapshots ({@link SnapshotParticipant}): enlisted once
 * before a persisted app restores its state, then told each saved revision, sinks before sources.
 */
public final class SnapshotParticipants {
    private record Entry(String label, SnapshotParticipant participant) {
    }

    private final List<Entry> sinks = new ArrayList<>();
    private final List<Entry> sources = new ArrayList<>();
    private volatile boolean enlisted;

    void addSink(String label, SnapshotParticipant p) {
        sinks.add(new Entry(label, p));
    }

    void addSource(String label, SnapshotParticipant p) {
        sources.add(new Entry(label, p));
    }

    /** The connectors that only work with periodic snapshots, as "stream S: sink 'x'". */
    public List<String> needingSnapshots() {
        List<String> out = new ArrayList<>();
        for (Entry e : all()) {
            if (e.participant().needsSnapshots()) {
                out.add(e.label());
            }
        }
        return out;
    }

    /**
     * Enlists every participant; returns the oldest revision they report as committed ({@link
     * SnapshotParticipant#NONE} when one committed none), or null when none reports any.
     *
     * @throws IllegalStateException naming the participant that could not tell
     */
    public String enlist(String app) {
        String oldest = null;
        for (Entry e : all()) {
            String r;
            try {
                r = e.participant().enlist();
            } catch (Exception ex) {
                throw new IllegalStateException("app '" + app + "', " + e.label() + ": cannot find out which "
                        + "snapshot its committed results belong to: " + ex.getMessage(), ex);
            }
            if (r != null && (oldest == null || r.compareTo(oldest) < 0)) {
                oldest = r;
            }
        }
        enlisted = true;
        return oldest;
    }

    /** Whether {@link #enlist} ran and there is someone to commit: snapshots then commit on the writer. */
    public boolean enlisted() {
        return enlisted && !(sinks.isEmpty() && sources.isEmpty());
    }

    /**
     * Writer thread, sources quiesced: {@code revision} is saved; sinks commit, then sources. Stops at the
     * first failure (sources do not commit positions whose results a sink did not commit).
     *
     * @throws IllegalStateException naming the participant and the revision
     */
    public void commit(String app, String revision) {
        for (Entry e : all()) {
            try {
                e.participant().commit(revision);
            } catch (Exception ex) {
                throw new IllegalStateException("app '" + app + "', " + e.label() + ": committing snapshot revision "
                        + revision + " failed: " + ex.getMessage(), ex);
            }
        }
    }

    private List<Entry> all() {
        List<Entry> out = new ArrayList<>(sinks);
        out.addAll(sources);
        return out;
    }
}
