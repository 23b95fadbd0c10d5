package io.eventflux.engine.internal.app;

import io.eventflux.api.AppState;
import io.eventflux.api.management.SnapshotInfo;
import io.eventflux.sql.plan.AppPlan;
import java.io.IOException;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * When a persisted app's snapshots are saved: every {@code persistence.interval} on the connector
 * scheduler (the snapshot itself is taken on the app's writer), on demand, and once at a graceful
 * shutdown, after which nothing more is saved (a late periodic save must not overwrite the last state).
 */
final class SnapshotSaver {
    private static final System.Logger LOG = System.getLogger(SnapshotSaver.class.getName());

    private final String app;
    private final AppPersistence persistence;
    private final Supplier<AppInstance> run;
    private final Supplier<AppPlan> plan;
    /** Orders periodic saves and the shutdown's save. */
    private final Object lock = new Object();
    private boolean closed;
    private ScheduledFuture<?> periodic;

    /**
     * @param run the app's current run (null while it is not running)
     * @param plan the plan the current run was built from
     */
    SnapshotSaver(String app, AppPersistence persistence, Supplier<AppInstance> run, Supplier<AppPlan> plan) {
        this.app = app;
        this.persistence = persistence;
        this.run = run;
        this.plan = plan;
    }

    /** Starts the periodic saves (none when the interval is 0 or there is no scheduler). */
    void schedule(ScheduledExecutorService scheduler) {
        long every = persistence.intervalMillis();
        if (every > 0 && scheduler != null) {
            periodic = scheduler.scheduleAtFixedRate(this::savePeriodic, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the periodic saves. */
    void cancel() {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    private void savePeriodic() {
        try {
            saveNow();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "app '" + app + "': periodic snapshot failed: " + e.getMessage(), e);
        }
    }

    /** The app's persistence settings and store. */
    AppPersistence persistence() {
        return persistence;
    }

    /** Saves a snapshot of the running app; empty when it is not running or was shut down. */
    Optional<SnapshotInfo> saveNow() throws IOException {
        synchronized (lock) {
            AppInstance current = run.get();
            if (closed || current == null || current.info().state() != AppState.RUNNING) {
                return Optional.empty();
            }
            AppPlan p = plan.get();
            return Optional.of(current.saveSnapshot(state -> persistence.save(p, state)));
        }
    }

    /**
     * Suspends the run (an extension left or changed) keeping its state, which is also saved, so that
     * snapshot participants commit what the run produced before its sinks stop. Returns the state.
     */
    Map<String, Serializable> suspend(AppInstance last) {
        synchronized (lock) {
            AppPlan p = plan.get();
            return last.suspend(state -> persistence.save(p, state));
        }
    }

    /**
     * Graceful shutdown: sources stop, the ring drains, the snapshot is taken and saved; the caller then
     * stops the writer and sinks. A failed save is logged: the app still stops, the last periodic
     * revision stays.
     */
    void saveOnShutdown(AppInstance last) {
        synchronized (lock) {
            closed = true;
            if (last.info().state() != AppState.RUNNING) {
                return; // a failed run's state is not one to resume from
            }
            try {
                AppPlan p = plan.get();
                last.suspend(state -> {
                    SnapshotInfo revision = persistence.save(p, state);
                    LOG.log(Level.INFO, "app '" + app + "': state saved at shutdown as revision " + revision.revision()
                            + (revision.base() == null ? "" : " (changes since " + revision.base() + ")") + ", "
                            + revision.bytes() + " bytes");
                    return revision;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "app '" + app + "': saving its state at shutdown failed: " + e.getMessage(), e);
            }
        }
    }
}
