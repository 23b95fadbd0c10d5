package io.eventflux.engine.internal.app;

import io.eventflux.api.management.EventFluxManagement;
import io.eventflux.api.management.SnapshotInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The snapshot revisions of one app, in memory only: the last {@link EventFluxManagement#KEPT_REVISIONS}.
 * Each is stored serialized, so that restoring it twice gives the same state even when an operator adopts
 * the restored objects as its live state. Thread-safe.
 */
public final class SnapshotRevisions {
    private final String app;
    private final LongSupplier wallTime;
    private final Deque<Revision> revisions = new ArrayDeque<>();
    private long next = 1;

    private record Revision(SnapshotInfo info, byte[] state) {
    }

    SnapshotRevisions(String app, LongSupplier wallTime) {
        this.app = app;
        this.wallTime = wallTime;
    }

    /** Keeps a snapshot as a new revision (forgetting the oldest beyond the limit). */
    public synchronized SnapshotInfo add(Map<String, Serializable> state) {
        SnapshotInfo info = new SnapshotInfo(app, Long.toString(next++), wallTime.getAsLong(), state.size());
        revisions.addLast(new Revision(info, serialize(state)));
        while (revisions.size() > EventFluxManagement.KEPT_REVISIONS) {
            revisions.removeFirst();
        }
        return info;
    }

    /** Oldest first. */
    public synchronized List<SnapshotInfo> list() {
        return revisions.stream().map(Revision::info).toList();
    }

    /** The revision's info. @throws IllegalArgumentException for an unknown one, listing the kept ones */
    public synchronized SnapshotInfo info(String revision) {
        return find(revision).info();
    }

    /** A fresh copy of a revision's state (null: the latest). */
    public Map<String, Serializable> state(String revision) {
        byte[] bytes;
        synchronized (this) {
            bytes = find(revision).state();
        }
        return deserialize(bytes);
    }

    private Revision find(String revision) {
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("app '" + app + "' has no snapshot revisions; take one with snapshot");
        }
        if (revision == null) {
            return revisions.getLast();
        }
        for (Revision r : revisions) {
            if (r.info().revision().equals(revision)) {
                return r;
            }
        }
        throw new IllegalArgumentException("app '" + app + "' has no snapshot revision '" + revision + "'; kept: "
                + revisions.stream().map(r -> r.info().revision()).toList());
    }

    private byte[] serialize(Map<String, Serializable> state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new LinkedHashMap<>(state));
        } catch (IOException e) {
            throw new IllegalStateException("app '" + app + "': the snapshot is not serializable: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Serializable> deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Map<String, Serializable>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("app '" + app + "': the snapshot cannot be read back: " + e.getMessage(), e);
        }
    }
}
