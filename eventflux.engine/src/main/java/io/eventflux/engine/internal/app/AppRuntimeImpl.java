package io.eventflux.engine.internal.app;

import io.eventflux.api.AppInfo;
import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.api.QueryResult;
import io.eventflux.api.StreamCallback;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.management.SnapshotInfo;
import io.eventflux.api.management.StateRestore;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.engine.internal.io.StreamCounters;
import io.eventflux.sql.Catalog;
import io.eventflux.sql.plan.AppPlan;
import java.io.IOException;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A deployed app as its users hold it: it outlives the runs ({@link AppInstance}s) of the app. An app whose
 * extensions are missing is WAITING, naming them; when the registry changes, a WAITING app tries to start
 * and a RUNNING app whose extensions left or were replaced (an updated bundle) is suspended (sources stop,
 * the ring drains, the state is kept, sinks flush) and started again as soon as they are all there, with
 * the kept state restored. Callbacks and input handlers obtained here follow the app across runs.
 *
 * <p>Lifecycle transitions are serialized on one lock; they run on the thread that deploys or changes the
 * registry (the bundle stopping, in OSGi), so that an app never calls into an extension after the
 * registry let it go.
 */
public final class AppRuntimeImpl implements AppRuntime, io.eventflux.engine.CompiledApp {
    private static final System.Logger LOG = System.getLogger(AppRuntimeImpl.class.getName());

    /** Compiles the app's SQL against a catalog (the registry, recording uses). */
    @FunctionalInterface
    public interface Source {
        AppPlan compile(Catalog catalog) throws CompileException;
    }

    private final String name;
    private final Source source;
    private final boolean recompilable;
    private final DeployOptions options;
    private final AppBuilder builder;
    private final ExtensionRegistry registry;
    private final Object lock = new Object();
    private final List<Registration> callbacks = new CopyOnWriteArrayList<>();
    private final Map<String, HandleInput> inputs = new ConcurrentHashMap<>();
    private final SnapshotRevisions revisions;

    private volatile AppInstance current;
    private volatile AppState state = AppState.WAITING;
    private volatile Set<String> waitingFor = Set.of();
    private volatile String error;
    private volatile AppPlan lastPlan;
    /** The last run, kept after it stopped for its stream schemas. */
    private volatile AppInstance lastRun;
    private volatile long startedNanos;
    private volatile int restarts;
    private List<ExtensionUse> uses = List.of();
    private Map<String, Serializable> kept;
    private boolean attempted;
    /**
     * Lock held: a start is running on the thread that holds the lock. A registry change that this start
     * itself causes (the launcher installs an extension's bundle on its first lookup, on this thread) must
     * not start the app again from inside: the start in progress looks the extensions up itself.
     */
    private boolean starting;
    /** During {@link #deploy}: the deployer's hook, called once the first run is built. Lock held. */
    private Consumer<AppRuntime> beforeStart;
    private final java.util.function.LongSupplier wallTime;
    /** Saves snapshots in a persistence store ({@code persistence.*} options), null when not persisted. */
    private volatile SnapshotSaver saver;
    /** What this deployment's first run took from a stored snapshot, or null. */
    private volatile StateRestore restored;

    /**
     * @param source compiles the app (again, at every start)
     * @param recompilable false for an app deployed from a plan: it cannot be rebuilt, so losing an
     *     extension fails it
     * @param wallTime the wall clock (snapshot times)
     */
    public AppRuntimeImpl(String name, Source source, boolean recompilable, DeployOptions options, AppBuilder builder,
            ExtensionRegistry registry, java.util.function.LongSupplier wallTime) {
        this.name = name;
        this.source = source;
        this.recompilable = recompilable;
        this.options = options;
        this.builder = builder;
        this.registry = registry;
        this.revisions = new SnapshotRevisions(name, wallTime);
        this.wallTime = wallTime;
    }

    /**
     * First start, at deploy: RUNNING, or WAITING when extensions are missing.
     *
     * @throws CompileException when the SQL does not compile for another reason than missing extensions
     * @throws RuntimeException when the app cannot be built (bad options, ...); nothing is left running
     */
    public void deploy(Consumer<AppRuntime> beforeStart) throws CompileException {
        synchronized (lock) {
            attempted = true;
            this.beforeStart = beforeStart;
            try {
                start(true);
            } finally {
                this.beforeStart = null;
            }
        }
    }

    /** The registry changed: start a WAITING app, suspend a RUNNING one that lost an extension. */
    public void extensionsChanged() {
        synchronized (lock) {
            if (!attempted || starting) {
                return; // deploy() is about to look at the registry as it is now, or a start is in progress
            }
            try {
                if (state == AppState.RUNNING && current != null && !uses.stream().allMatch(u -> u.current(registry))) {
                    suspend();
                }
                if (state == AppState.WAITING) {
                    start(false);
                }
            } catch (CompileException | RuntimeException e) {
                failed(e); // start(false) reports instead of throwing; this is a safety net
            }
        }
    }

    /** Lock held. Suspends the current run, keeping its state, and waits. */
    private void suspend() {
        AppInstance run = current;
        current = null;
        List<String> gone = uses.stream().filter(u -> !u.current(registry)).map(u -> u.type() + ":" + u.name())
                .distinct().toList();
        LOG.log(Level.INFO, "app '" + name + "': extension(s) " + gone + " left or changed; suspending");
        try {
            SnapshotSaver s = saver;
            kept = s != null && run.participants().enlisted() ? s.suspend(run) : run.suspend();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "app '" + name + "': its state could not be kept while suspending", e);
            kept = null;
            run.shutdown();
        }
        restarts++;
        uses = List.of();
        if (!recompilable) {
            fail("extension(s) " + gone + " left; an app deployed from a plan cannot be rebuilt: redeploy it");
            return;
        }
        waiting(Set.copyOf(gone), null);
    }

    /** Lock held. Compiles and builds a run; missing extensions leave the app WAITING. */
    private void start(boolean initial) throws CompileException {
        starting = true;
        try {
            startRun(initial);
        } finally {
            starting = false;
        }
    }

    private void startRun(boolean initial) throws CompileException {
        List<ExtensionUse> used = new ArrayList<>();
        AppPlan plan;
        try {
            plan = source.compile(new UsageCatalog(registry, used));
        } catch (CompileException e) {
            Set<String> missing = MissingExtensions.of(e, initial);
            if (missing.isEmpty()) {
                if (initial) {
                    throw e;
                }
                fail("the app no longer compiles: " + e.getMessage());
                return;
            }
            waiting(missing, e.getMessage());
            return;
        }
        AppInstance run = null;
        Optional<AppPersistence> persisted;
        try {
            Set<String> missing = new java.util.LinkedHashSet<>(builder.missing(plan, name, options));
            persisted = AppPersistence.of(name, plan, options, wallTime);
            persisted.flatMap(p -> p.missing(registry)).ifPresent(missing::add);
            if (!missing.isEmpty()) {
                lastPlan = plan;
                waiting(missing, null);
                return;
            }
            run = builder.build(plan, name, options, used);
            // the writer first: a refused snapshot shuts the run down, which drains through the writer
            run.startWriter();
            AppPersistence.Loaded stored = null;
            if (persisted.isPresent()) {
                AppPersistence p = persisted.get();
                used.add(p.use(registry));
                p.open(registry, AppPersistence.loaders(used));
                String committed = p.enlist(run.participants());
                if (kept == null && lastRun == null) {
                    // the first run of this deployment: before sources start, from the store
                    stored = p.load(plan, committed).orElse(null);
                }
            } else {
                AppPersistence.refuseUnpersisted(name, run.participants());
            }
            if (kept != null) {
                run.restoreBeforeConnectors(kept);
            } else if (stored != null) {
                run.restoreBeforeConnectors(stored.state());
                restored = RestoreReport.of(stored, plan, run.stateKeys());
                LOG.log(Level.INFO, "app '" + name + "' restored its state from the persistence store: "
                        + RestoreReport.describe(restored));
            }
            if (beforeStart != null) {
                // the deployer's callbacks go on before the sources start: it sees the streams of this run
                lastPlan = plan;
                lastRun = run;
                beforeStart.accept(this);
            }
            for (Registration r : callbacks) {
                r.attach(run);
            }
            run.startConnectors();
        } catch (RuntimeException e) {
            if (run != null) {
                run.shutdown();
            }
            if (initial) {
                throw e;
            }
            fail(String.valueOf(e.getMessage()));
            return;
        }
        if (kept != null) {
            LOG.log(Level.INFO, "app '" + name + "' resumed with its state");
        }
        kept = null;
        uses = List.copyOf(used);
        lastPlan = plan;
        waitingFor = Set.of();
        error = null;
        startedNanos = System.nanoTime();
        current = run;
        lastRun = run;
        state = AppState.RUNNING;
        if (saver != null) {
            saver.cancel();
        }
        saver = persisted.map(p -> new SnapshotSaver(name, p, () -> current, () -> lastPlan)).orElse(null);
        if (saver != null && builder.connectorThreads() != null) {
            saver.schedule(builder.connectorThreads().scheduler());
        }
    }

    /**
     * Takes a snapshot of the running app and saves it in its persistence store.
     *
     * @return the revision, or empty when the app is not persisted, not running or shut down
     */
    public Optional<SnapshotInfo> persistNow() throws IOException {
        SnapshotSaver s = saver;
        return s == null ? Optional.empty() : s.saveNow();
    }

    private void waiting(Set<String> missing, String detail) {
        waitingFor = Set.copyOf(missing);
        error = detail;
        state = AppState.WAITING;
        LOG.log(Level.INFO, "app '" + name + "' is waiting for " + missing);
    }

    private void fail(String reason) {
        error = reason;
        state = AppState.FAILED;
        waitingFor = Set.of();
        LOG.log(Level.ERROR, "app '" + name + "' failed: " + reason);
    }

    private void failed(Exception e) {
        AppInstance run = current;
        current = null;
        if (run != null) {
            run.shutdown();
        }
        fail(String.valueOf(e.getMessage()));
    }

    // ---- state

    @Override
    public String name() {
        return name;
    }

    /** The current state: a run that failed by itself ({@code error.strategy = fail}) makes the app FAILED. */
    public AppState state() {
        AppInstance run = current;
        AppState s = state;
        if (s == AppState.RUNNING && run != null) {
            AppState inner = run.info().state();
            if (inner != AppState.RUNNING) {
                return inner;
            }
        }
        return s;
    }

    private String error() {
        AppInstance run = current;
        if (state == AppState.RUNNING && run != null && run.info().error() != null) {
            return run.info().error();
        }
        return error;
    }

    /** Names of the extensions it waits for ({@code type:name}); empty unless WAITING. */
    public Set<String> waitingFor() {
        return state == AppState.WAITING ? waitingFor : Set.of();
    }

    /** How long the current run has been RUNNING, in milliseconds (0 when not running). */
    public long uptimeMillis() {
        return state() == AppState.RUNNING ? (System.nanoTime() - startedNanos) / 1_000_000 : 0;
    }

    /** How many times the app was suspended because extensions it used left or changed. */
    public int restarts() {
        return restarts;
    }

    /** The error (FAILED) or the compile errors naming what it waits for (WAITING), or null. */
    public String errorMessage() {
        return error();
    }

    @Override
    public AppInfo info() {
        return new AppInfo(name, state(), waitingFor(), streams(), error());
    }

    /** The current run. @throws IllegalStateException saying the state (and what the app waits for) */
    public AppInstance running() {
        AppInstance run = current;
        if (run == null) {
            AppState s = state;
            throw new IllegalStateException("app '" + name + "' is " + s.name().toLowerCase(Locale.ROOT)
                    + (s == AppState.WAITING ? " for " + String.join(", ", waitingFor) : "")
                    + (s == AppState.FAILED && error != null ? ": " + error : ""));
        }
        return run;
    }

    /** The current run or null. */
    AppInstance currentRun() {
        return current;
    }

    /** The plan of the last (or current) run, or null when the app never compiled. */
    @Override
    public AppPlan plan() {
        return lastPlan;
    }

    /** The app's snapshot revisions: in its persistence store when it has one, else in memory. */
    public AppSnapshots snapshots() {
        return new AppSnapshots(this, revisions, saver);
    }

    /** What this deployment's first run took from a stored snapshot (which units kept state), or null. */
    public StateRestore restored() {
        return restored;
    }

    // ---- AppRuntime

    @Override
    public InputHandler inputHandler(String stream) {
        if (lastPlan == null) {
            running(); // never compiled: say what it waits for
        }
        StreamSchema schema = stream(stream).orElseThrow(() -> new IllegalArgumentException("app '" + name
                + "' has no stream '" + stream + "'; streams: " + streams().stream().map(StreamSchema::name).toList()));
        return inputs.computeIfAbsent(stream, s -> new HandleInput(schema));
    }

    @Override
    public AutoCloseable addCallback(String stream, StreamCallback callback) {
        if (lastPlan != null && stream(stream).isEmpty()) {
            throw new IllegalArgumentException("app '" + name + "' has no stream '" + stream + "'; streams: "
                    + streams().stream().map(StreamSchema::name).toList());
        }
        Registration r = new Registration(stream, callback);
        synchronized (lock) {
            callbacks.add(r);
            AppInstance run = current;
            if (run != null) {
                r.attach(run);
            }
        }
        return () -> {
            synchronized (lock) {
                callbacks.remove(r);
                r.detach();
            }
        };
    }

    @Override
    public List<StreamSchema> streams() {
        AppInstance run = current;
        if (run != null) {
            return run.streams();
        }
        AppPlan plan = lastPlan;
        return plan == null ? List.of() : plan.streams().stream().map(s -> s.schema()).toList();
    }

    @Override
    public List<StreamSchema> outputStreams() {
        AppInstance run = lastRun;
        return run == null ? List.of() : run.outputStreams();
    }

    @Override
    public QueryResult query(String sql) throws CompileException {
        return running().query(sql);
    }

    @Override
    public Optional<StreamSchema> stream(String streamName) {
        return streams().stream().filter(s -> s.name().equals(streamName)).findFirst();
    }

    @Override
    public void advanceTime(long time) {
        running().advanceTime(time);
    }

    @Override
    public long currentTime() {
        return running().currentTime();
    }

    @Override
    public void shutdown() {
        synchronized (lock) {
            AppInstance run = current;
            current = null;
            SnapshotSaver s = saver;
            if (s != null) {
                s.cancel();
                if (run != null) {
                    s.saveOnShutdown(run);
                }
            }
            if (run != null) {
                run.shutdown();
                if (run.info().state() == AppState.FAILED) {
                    error = run.info().error();
                    state = AppState.FAILED;
                    return;
                }
            }
            if (state != AppState.FAILED) {
                state = AppState.STOPPED;
            }
            waitingFor = Set.of();
            kept = null;
        }
    }

    // ---- what engine tests and the management service read from the current run

    /** Events an aggregation could not place so far (NULL {@code AGGREGATE BY}), wherever they went. */
    public long aggregationErrorCount(String aggregation) {
        return running().aggregationErrorCount(aggregation);
    }

    /** Rows of a table that failed so far (duplicate primary keys). */
    public long tableErrorCount(String table) {
        return running().tableErrorCount(table);
    }

    /** Events of a stream dropped on backpressure so far. */
    public long droppedCount(String stream) {
        return running().droppedCount(stream);
    }

    /** The error counters of a connector stream (errors, dead-lettered, dropped, retries). */
    public StreamCounters connectorCounters(String stream) {
        return running().connectorCounters(stream);
    }

    public long connectorErrorCount(String stream) {
        return running().connectorErrorCount(stream);
    }

    public long deadLetteredCount(String stream) {
        return running().deadLetteredCount(stream);
    }

    public long errorDroppedCount(String stream) {
        return running().errorDroppedCount(stream);
    }

    public boolean sinkConnected(String stream) {
        return running().sinkConnected(stream);
    }

    public CompletionStage<Void> processed() {
        return running().processed();
    }

    /** See {@link AppInstance#snapshotState()}. */
    public Map<String, Serializable> snapshotState() {
        return running().snapshotState();
    }

    /** See {@link AppInstance#restoreState(Map)}. */
    public void restoreState(Map<String, Serializable> snapshot) {
        running().restoreState(snapshot);
    }

    /** A callback registered on the app, attached to each run in turn. */
    private static final class Registration {
        private final String stream;
        private final StreamCallback callback;
        private AutoCloseable attached;

        Registration(String stream, StreamCallback callback) {
            this.stream = stream;
            this.callback = callback;
        }

        void attach(AppInstance run) {
            if (run.stream(stream).isEmpty()) {
                LOG.log(Level.WARNING, "app '" + run.name() + "' has no stream '" + stream + "': callback not attached");
                attached = null;
                return;
            }
            attached = run.addCallback(stream, callback);
        }

        void detach() {
            AutoCloseable a = attached;
            attached = null;
            if (a != null) {
                try {
                    a.close();
                } catch (Exception e) {
                    LOG.log(Level.DEBUG, "removing a callback failed", e);
                }
            }
        }
    }

    /** An input handler that sends into whichever run is current (and fails clearly while there is none). */
    private final class HandleInput implements InputHandler {
        private final StreamSchema schema;
        private volatile Bound bound;

        private record Bound(AppInstance run, InputHandler handler) {
        }

        HandleInput(StreamSchema schema) {
            this.schema = schema;
        }

        private InputHandler target() {
            AppInstance run = running();
            Bound b = bound;
            if (b == null || b.run() != run) {
                b = new Bound(run, run.inputHandler(schema.name()));
                bound = b;
            }
            return b.handler();
        }

        @Override
        public StreamSchema schema() {
            return schema;
        }

        @Override
        public void send(Object... data) {
            target().send(data);
        }

        @Override
        public void send(long timestamp, Object[] data) {
            target().send(timestamp, data);
        }

        @Override
        public void send(io.eventflux.api.Event event) {
            target().send(event);
        }

        @Override
        public void send(List<io.eventflux.api.Event> events) {
            target().send(events);
        }
    }
}
