package io.eventflux.api.io;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link Sink} or {@link Source} that takes part in a persisted app's snapshots, so that what it made
 * visible outside agrees with the state the app restores after a crash (a transactional Kafka sink commits
 * its transaction with each snapshot; a Kafka source commits the offsets of each snapshot).
 *
 * <p>Protocol, for an app with persistence ({@code persistence.dir} or {@code run --state DIR}): before the
 * app restores its state and starts, {@link #enlist()} is called once per participant; the app restores the
 * oldest revision the participants report (or the newest stored one when none reports any). Then at each
 * snapshot, with the sources quiesced and on the app's writer thread: the state is taken, saved as a
 * revision in the persistence store, and {@link #commit(String)} is called with that revision, sinks before
 * sources. Nothing else runs on the writer meanwhile, so everything a sink received before the call belongs
 * to that revision and nothing after it does. An app that is not persisted never calls these methods.
 */
@ConsumerType
public interface SnapshotParticipant {
    /** What {@link #enlist()} returns when no revision was committed yet: the app starts empty. */
    String NONE = "";

    /**
     * Whether the connector only works in a persisted app with periodic snapshots (a sink that makes its
     * results visible only at snapshots). Such an app without persistence is refused at deploy.
     */
    default boolean needsSnapshots() {
        return false;
    }

    /**
     * Called once before the app restores its state and starts (not on the writer thread): from now on
     * the participant makes its results final only in {@link #commit(String)}. A sink may connect here;
     * its {@code stop()} is called when the app stops even if {@code start()} never ran.
     *
     * @return the revision whose results were the last this participant made final, {@link #NONE} when it
     *     made none final yet, or null when it keeps no such record (it does not constrain the restore)
     * @throws Exception when it cannot find out: the app does not start, with this as the reason
     */
    default String enlist() throws Exception {
        return null;
    }

    /**
     * Writer thread, sources quiesced: the snapshot that counts everything received so far was saved as
     * {@code revision}; make it final (commit a transaction, commit offsets) and record the revision.
     *
     * @throws Exception when the results could not be made final: the app fails (a restart restores the
     *     revision last committed)
     */
    void commit(String revision) throws Exception;
}
