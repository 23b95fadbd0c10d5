package io.eventflux.engine.internal.app;

import io.eventflux.api.AppInfo;
import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.InputHandler;
import io.eventflux.api.StreamCallback;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.management.SnapshotInfo;
import io.eventflux.api.extension.Stateful;
import io.eventflux.api.CompileException;
import io.eventflux.api.QueryResult;
import io.eventflux.api.management.QueryLatency;
import io.eventflux.engine.internal.io.ConnectorThreads;
import io.eventflux.engine.internal.io.Connectors;
import io.eventflux.engine.internal.io.SinkRuntime;
import io.eventflux.engine.internal.io.SnapshotParticipants;
import io.eventflux.engine.internal.io.StreamCounters;
import io.eventflux.engine.internal.query.OnDemandQuery;
import io.eventflux.engine.internal.query.QueryLatencies;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.OnDemandPlan;
import io.eventflux.engine.internal.table.TableRuntime;
import io.eventflux.engine.internal.table.Tables;
import io.eventflux.engine.internal.time.TimeKeeper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of a deployed app: its streams, input handlers, writer (inline or ring), time and state. The
 * {@link AppRuntimeImpl} handle users hold outlives it: when an extension the app uses leaves, the handle
 * suspends this run and later builds a new one from the SQL, restoring the state this one left.
 */
public final class AppInstance implements AppRuntime {
    /** The state key of the app's event-time gate, when it has one. */
    static final String EVENT_TIME_STATE = "eventtime";

    private static final System.Logger LOG = System.getLogger(AppInstance.class.getName());
    private final String name;
    private final Map<String, StreamJunction> junctions;
    private final List<String> outputStreams;
    private final Map<String, Stateful> states;
    private final TimeKeeper time;
    private final Driver driver;
    /** Whether the app has event-timed streams (its clock is their watermark). */
    private final boolean eventTimed;
    private final Tables tables;
    private final QueryCompiler queries;
    private final Map<String, InputHandler> handlers = new ConcurrentHashMap<>();
    private final Object advanceLock = new Object();
    private final Connectors connectors;
    private final ConnectorThreads connectorThreads;
    private final Object stopLock = new Object();
    private final Object stateLock = new Object();
    private boolean stopped;
    private volatile AppState state = AppState.RUNNING;
    private volatile String error;
    private long requestedTime = Long.MIN_VALUE;
    private final AppPlan plan;
    private final Map<String, String> connectorNames;
    private final QueryLatencies latencies;

    /**
     * @param connectors the app's sources and sinks (null: none)
     * @param connectorThreads where a failing app stops (off its own threads); null: on the failing thread
     */
    AppInstance(String name, Map<String, StreamJunction> junctions, List<String> outputStreams,
            Map<String, Stateful> states, TimeKeeper time, Driver driver, Tables tables, QueryCompiler queries,
            Connectors connectors, ConnectorThreads connectorThreads, AppPlan plan, Map<String, String> connectorNames,
            QueryLatencies latencies) {
        this.plan = plan;
        this.latencies = latencies;
        this.connectorNames = Map.copyOf(connectorNames);
        this.connectors = connectors == null ? Connectors.none(driver) : connectors;
        this.connectorThreads = connectorThreads;
        this.connectors.onFailure(this::fail);
        this.tables = tables;
        this.queries = queries;
        this.name = name;
        this.junctions = junctions;
        this.outputStreams = List.copyOf(outputStreams);
        this.states = states;
        this.time = time;
        this.driver = driver;
        this.eventTimed = states.containsKey(EVENT_TIME_STATE);
    }

    /**
     * How long a query of this run took per chunk so far; null for an unknown query or when the app does not
     * measure latency ({@code metrics.latency = 'off'}). Any thread.
     */
    QueryLatency latency(String query) {
        return latencies == null ? null : latencies.snapshot(query);
    }

    /** Starts the writer, then the sinks, then the sources. */
    void start() {
        driver.start();
        connectors.start();
    }

    /** First half of {@link #start()}: the writer runs, connectors not yet (state can be restored now). */
    void startWriter() {
        driver.start();
    }

    /** Second half of {@link #start()}: sinks, then sources. */
    void startConnectors() {
        connectors.start();
    }

    /**
     * Between {@link #startWriter()} and {@link #startConnectors()}: puts back a snapshot of an earlier run
     * of the same SQL; sources get their positions before they start reading.
     */
    void restoreBeforeConnectors(Map<String, Serializable> snapshot) {
        Map<String, Serializable> sources = new LinkedHashMap<>();
        Map<String, Serializable> operators = new LinkedHashMap<>();
        snapshot.forEach((k, v) -> (k.startsWith(Connectors.SOURCE_STATE) ? sources : operators).put(k, v));
        for (String k : operators.keySet()) {
            if (!states.containsKey(k)) {
                throw new IllegalArgumentException("app '" + name + "' has no state '" + k + "'");
            }
        }
        // sources first: they are not started, and an unknown source key fails before any operator changed
        connectors.restoreBeforeStart(name, sources);
        driver.call(() -> {
            operators.forEach((k, v) -> states.get(k).restore(v));
            return null;
        });
    }

    /**
     * Stops this run to resume it later: sources stop, what the ring holds is processed, the state is
     * snapshotted on the writer (so it includes everything accepted), then the writer and sinks stop
     * (sinks flush). Rows held by output rate limiting are not flushed: they are in the snapshot, and the
     * run that resumes from it publishes them when their period ends (flushing them here too would publish
     * them twice). Returns the snapshot, or null when the run had stopped already.
     */
    Map<String, Serializable> suspend() {
        return suspend(null);
    }

    /**
     * {@link #suspend()} that also saves the snapshot with {@code save} (when not null) before the sinks
     * stop, so that snapshot participants commit it ({@link #saveSnapshot}).
     */
    Map<String, Serializable> suspend(Save save) {
        synchronized (stopLock) {
            if (stopped) {
                return null;
            }
            connectors.stopSources();
            // the snapshot once taken (and saved, with a store): rows held by rate limiting stay in it
            Map<String, Serializable> snapshot = null;
            List<Map<String, Serializable>> taken = new ArrayList<>(1);
            try {
                if (save == null) {
                    snapshot = snapshotState();
                    return snapshot;
                }
                saveSnapshot(state -> {
                    taken.add(state);
                    return save.save(state);
                });
                snapshot = taken.get(0);
                return snapshot;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                markStopped();
                // nothing kept (the snapshot or its save failed): held rows are flushed rather than lost
                stop(snapshot == null);
            }
        }
    }

    /** Saves a snapshot in the app's persistence store and returns its revision (whose id participants commit). */
    @FunctionalInterface
    interface Save {
        SnapshotInfo save(Map<String, Serializable> state) throws IOException;
    }

    /**
     * Takes a snapshot and saves it with {@code save}. When snapshot participants are enlisted (a
     * transactional sink), all of it happens on the writer with the sources quiesced and the participants
     * commit the saved revision there too, so that the revision and what they commit count the same input
     * and output; otherwise the save runs on the caller's thread.
     *
     * @throws IllegalStateException when a participant could not commit (the app fails)
     */
    SnapshotInfo saveSnapshot(Save save) throws IOException {
        SnapshotParticipants p = connectors.participants();
        if (!p.enlisted()) {
            return save.save(snapshotState());
        }
        java.util.function.Supplier<SnapshotInfo> all = () -> {
            SnapshotInfo revision;
            try {
                revision = save.save(takeSnapshot());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                p.commit(name, revision.revision());
            } catch (IllegalStateException e) {
                fail(e.getMessage());
                throw e;
            }
            return revision;
        };
        try {
            return driver.isWriterThread() ? all.get() : connectors.quiesced(() -> driver.call(all));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The connectors that take part in snapshots. */
    SnapshotParticipants participants() {
        return connectors.participants();
    }

    /**
     * Writer thread. Restores every operator or none: when one refuses its state, those restored before it
     * get back what they held.
     */
    private void restoreAll(Map<String, Serializable> operators) {
        Map<String, Serializable> before = new LinkedHashMap<>();
        operators.keySet().forEach(k -> before.put(k, states.get(k).snapshot()));
        try {
            operators.forEach((k, v) -> states.get(k).restore(v));
        } catch (RuntimeException e) {
            before.forEach((k, v) -> {
                try {
                    states.get(k).restore(v);
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
            });
            throw new IllegalStateException("app '" + name + "': the snapshot could not be restored (" + e.getMessage()
                    + "); the state it had is kept", e);
        }
    }

    /** The keys of this run's state entries: its operators' and its sources' ({@code source/STREAM}). */
    java.util.Set<String> stateKeys() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(states.keySet());
        connectorNames.forEach((stream, c) -> {
            if (c.startsWith("source:")) {
                out.add(Connectors.SOURCE_STATE + stream);
            }
        });
        return out;
    }

    /** The plan this run was built from. */
    AppPlan plan() {
        return plan;
    }

    /** "source:NAME" or "sink:NAME" for a connector stream, else null. */
    String connector(String stream) {
        return connectorNames.get(stream);
    }

    /** Events published into a stream so far. */
    long events(String stream) {
        return junction(stream).eventCount();
    }

    /** The ring's capacity (0 inline). */
    int ringCapacity() {
        return driver.ringCapacity();
    }

    /** Events in the ring not processed yet. */
    long ringBacklog() {
        return driver.ringBacklog();
    }

    /** The output stream names. */
    List<String> outputStreamNames() {
        return outputStreams;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AppInfo info() {
        return new AppInfo(name, state, Set.of(), streams(), error);
    }

    private StreamJunction junction(String stream) {
        StreamJunction j = junctions.get(stream);
        if (j == null) {
            throw new IllegalArgumentException("app '" + name + "' has no stream '" + stream + "'; streams: "
                    + junctions.keySet());
        }
        return j;
    }

    @Override
    public InputHandler inputHandler(String stream) {
        StreamJunction j = junction(stream);
        return handlers.computeIfAbsent(stream, s -> new InputHandlerImpl(j, driver, time.clock()));
    }

    @Override
    public AutoCloseable addCallback(String stream, StreamCallback callback) {
        return junction(stream).addCallback(callback);
    }

    @Override
    public List<StreamSchema> streams() {
        List<StreamSchema> out = new ArrayList<>();
        for (StreamJunction j : junctions.values()) {
            out.add(j.schema());
        }
        return out;
    }

    @Override
    public List<StreamSchema> outputStreams() {
        return outputStreams.stream().map(s -> junction(s).schema()).toList();
    }

    @Override
    public Optional<StreamSchema> stream(String streamName) {
        StreamJunction j = junctions.get(streamName);
        return j == null ? Optional.empty() : Optional.of(j.schema());
    }

    @Override
    public void advanceTime(long t) {
        if (!time.isPlayback()) {
            throw new IllegalStateException("app '" + name + "' runs on the wall clock: advanceTime needs playback mode");
        }
        synchronized (advanceLock) {
            // with event-timed streams the clock follows their watermark, which event times in the data
            // may have moved past t: then t is only a late heartbeat (the gate ignores it), not time going back
            long now = eventTimed || !time.started() ? requestedTime : Math.max(requestedTime, time.clock().now());
            if (t < now) {
                throw new IllegalStateException("app '" + name + "': time cannot go back from " + now + " to " + t);
            }
            requestedTime = t;
        }
        driver.advanceTime(t);
    }

    @Override
    public long currentTime() {
        return time.clock().now();
    }

    @Override
    public void shutdown() {
        markStopped();
        stop();
    }

    private void markStopped() {
        synchronized (stateLock) {
            if (state == AppState.RUNNING) {
                state = AppState.STOPPED;
            }
        }
    }

    /**
     * Fails the app ({@code error.strategy = fail}): the state becomes FAILED with the reason, and the app
     * stops (sources, writer, sinks) on the connector scheduler, since the failing thread may be a source's
     * or the writer itself.
     */
    void fail(String reason) {
        // not stopLock: a stop in progress waits for the source thread that may be calling this
        synchronized (stateLock) {
            if (state != AppState.RUNNING) {
                return;
            }
            error = reason;
            state = AppState.FAILED;
        }
        LOG.log(System.Logger.Level.ERROR, "app '" + name + "' failed: " + reason);
        if (connectorThreads == null) {
            stop();
            return;
        }
        try {
            connectorThreads.scheduler().execute(this::stop);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            stop();
        }
    }

    /** Sources stop first, then the writer drains, then sinks flush and stop. Once. */
    private void stop() {
        stop(true);
    }

    /** @param flushRateLimiters false when a snapshot keeps the rows they hold (a suspend) */
    private void stop(boolean flushRateLimiters) {
        synchronized (stopLock) {
            if (stopped) {
                return;
            }
            stopped = true;
            connectors.stopSources();
            driver.shutdown(flushRateLimiters);
            connectors.stopSinks();
            if (tables != null) {
                tables.close();
            }
        }
    }

    /** Compiles on-demand queries against this app's plan. */
    interface QueryCompiler {
        OnDemandPlan compile(String sql) throws CompileException;
    }

    @Override
    public QueryResult query(String sql) throws CompileException {
        if (queries == null) {
            throw new UnsupportedOperationException("app '" + name + "' was built without on-demand queries");
        }
        OnDemandPlan plan = queries.compile(sql);
        if (state != AppState.RUNNING) {
            throw new IllegalStateException("app '" + name + "' is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (plan.within() != null) {
            var aggregation = tables.aggregation(plan.table().name());
            return driver.call(() -> io.eventflux.engine.internal.query.AggregationOnDemand.run(plan, aggregation,
                    time.clock()));
        }
        TableRuntime table = tables.table(plan.table().name());
        return driver.call(() -> OnDemandQuery.run(plan, table, time.clock()));
    }

    /** Events an aggregation could not place so far (NULL {@code AGGREGATE BY}), wherever they went. */
    public long aggregationErrorCount(String aggregation) {
        var a = tables == null ? null : tables.aggregation(aggregation);
        if (a == null) {
            throw new IllegalArgumentException("app '" + name + "' has no aggregation '" + aggregation + "'");
        }
        return a.errorCount();
    }

    /** Rows of a table that failed so far (duplicate primary keys). */
    public long tableErrorCount(String table) {
        TableRuntime t = tables == null ? null : tables.table(table);
        if (t == null) {
            throw new IllegalArgumentException("app '" + name + "' has no table '" + table + "'");
        }
        return t.errorCount();
    }

    /** Events of a stream dropped on backpressure so far. */
    public long droppedCount(String stream) {
        return junction(stream).droppedCount();
    }

    /** Late events of an event-timed stream so far (0 for any other stream). Any thread. */
    public long lateCount(String stream) {
        return junction(stream).lateCount();
    }

    /** The error counters of a connector stream (errors, dead-lettered, dropped, retries). */
    public StreamCounters connectorCounters(String stream) {
        junction(stream);
        StreamCounters c = connectors.counters(stream);
        if (c == null) {
            throw new IllegalArgumentException("app '" + name + "': stream '" + stream + "' has no connector");
        }
        return c;
    }

    /** Failed events of a connector stream so far (mapping, type mismatch, sink), whatever became of them. */
    public long connectorErrorCount(String stream) {
        return connectorCounters(stream).errors();
    }

    /** Failed events of a connector stream sent to its dead-letter stream. */
    public long deadLetteredCount(String stream) {
        return connectorCounters(stream).deadLettered();
    }

    /** Failed events of a connector stream dropped by its error strategy. */
    public long errorDroppedCount(String stream) {
        return connectorCounters(stream).dropped();
    }

    /** Whether every sink instance of a sink stream is connected. */
    public boolean sinkConnected(String stream) {
        SinkRuntime s = connectors.sink(stream);
        if (s == null) {
            throw new IllegalArgumentException("app '" + name + "': stream '" + stream + "' has no sink");
        }
        return s.isConnected();
    }

    /** Completes once everything sent into the app before has been processed and published by its sinks. */
    public java.util.concurrent.CompletionStage<Void> processed() {
        return connectors.processed();
    }

    /**
     * A consistent snapshot of every stateful operator (windows, aggregators, rate limiters) and every
     * source's position ({@code source/<stream>}), taken on the writer between chunks. Keys are
     * "query/part"; values are JDK-serializable.
     */
    public Map<String, Serializable> snapshotState() {
        if (driver.isWriterThread()) {
            return takeSnapshot();
        }
        return connectors.quiesced(() -> driver.call(this::takeSnapshot));
    }

    private Map<String, Serializable> takeSnapshot() {
        Map<String, Serializable> out = new LinkedHashMap<>();
        states.forEach((k, v) -> out.put(k, v.snapshot()));
        out.putAll(connectors.snapshot());
        return out;
    }

    /**
     * Puts back a snapshot from {@link #snapshotState()} of an app built from the same SQL. Sources named
     * in it are stopped, restored and started again (restored before they start reading).
     */
    public void restoreState(Map<String, Serializable> snapshot) {
        Map<String, Serializable> sources = new LinkedHashMap<>();
        Map<String, Serializable> operators = new LinkedHashMap<>();
        snapshot.forEach((k, v) -> (k.startsWith(Connectors.SOURCE_STATE) ? sources : operators).put(k, v));
        for (String k : operators.keySet()) {
            if (!states.containsKey(k)) {
                throw new IllegalArgumentException("app '" + name + "' has no state '" + k + "'");
            }
        }
        for (String k : sources.keySet()) {
            if (!connectors.hasSource(k.substring(Connectors.SOURCE_STATE.length()))) {
                throw new IllegalArgumentException("app '" + name + "' has no state '" + k + "'");
            }
        }
        driver.call(() -> {
            restoreAll(operators);
            return null;
        });
        // off the writer: stopping a source waits for its thread, which may wait for the writer
        connectors.restore(name, sources);
    }
}
