package io.eventflux.engine.internal.app;

import io.eventflux.api.management.SnapshotInfo;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The snapshot revisions of one app as the management service sees them: in the app's persistence store
 * when it has one (they survive a restart), else in memory ({@link SnapshotRevisions}).
 */
public final class AppSnapshots {
    private final AppRuntimeImpl app;
    private final SnapshotRevisions memory;
    private final SnapshotSaver saver;

    /** @param saver the app's saver, null when it is not persisted */
    AppSnapshots(AppRuntimeImpl app, SnapshotRevisions memory, SnapshotSaver saver) {
        this.app = app;
        this.memory = memory;
        this.saver = saver;
    }

    /** True when the revisions are in a persistence store. */
    public boolean stored() {
        return saver != null;
    }

    /**
     * Takes a snapshot of the running app and keeps it as a new revision.
     *
     * @throws IllegalStateException when the app is not running (saying its state) or the store fails
     */
    public SnapshotInfo take() {
        if (saver == null) {
            return memory.add(app.snapshotState());
        }
        app.running();
        try {
            return saver.saveNow().orElseThrow(() -> new IllegalStateException("app '" + app.name() + "' is "
                    + app.state().name().toLowerCase(java.util.Locale.ROOT) + ": no snapshot taken"));
        } catch (IOException e) {
            throw new IllegalStateException("app '" + app.name() + "': saving the snapshot failed: " + e.getMessage(), e);
        }
    }

    /** The revisions, oldest first. */
    public List<SnapshotInfo> list() {
        return saver == null ? memory.list() : saver.persistence().revisions();
    }

    /**
     * Puts the running app's state back to a revision, all of it or nothing.
     *
     * @param revision a revision id, or null for the newest
     * @throws IllegalArgumentException for an unknown revision, listing the kept ones
     * @throws IllegalStateException when it is of another version of the app, unreadable, or refused by an
     *     operator (the app keeps the state it had)
     */
    public SnapshotInfo restore(String revision) {
        AppInstance run = app.running();
        if (saver == null) {
            SnapshotInfo info = memory.info(revision);
            run.restoreState(memory.state(info.revision()));
            return info;
        }
        Map.Entry<SnapshotInfo, Map<String, Serializable>> loaded = saver.persistence().loadForRestore(run.plan(),
                revision);
        run.restoreState(loaded.getValue());
        return loaded.getKey();
    }

}
