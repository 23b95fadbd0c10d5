package io.eventflux.engine.internal.app;

import io.eventflux.api.AppInfo;
import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.InputHandler;
import io.eventflux.api.StreamCallback;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Stateful;
import io.eventflux.api.CompileException;
import io.eventflux.api.QueryResult;
import io.eventflux.engine.internal.query.OnDemandQuery;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.sql.plan.OnDemandPlan;
import io.eventflux.engine.internal.table.TableRuntime;
import io.eventflux.engine.internal.table.Tables;
import io.eventflux.engine.internal.time.TimeKeeper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A deployed app: its streams, input handlers, writer (inline or ring), time and state. */
public final class AppRuntimeImpl implements AppRuntime {
    private final String name;
    private final Map<String, StreamJunction> junctions;
    private final List<String> outputStreams;
    private final Map<String, Stateful> states;
    private final TimeKeeper time;
    private final Driver driver;
    private final Tables tables;
    private final QueryCompiler queries;
    private final Map<String, InputHandler> handlers = new ConcurrentHashMap<>();
    private final Object advanceLock = new Object();
    private volatile AppState state = AppState.RUNNING;
    private long requestedTime = Long.MIN_VALUE;

    AppRuntimeImpl(String name, Map<String, StreamJunction> junctions, List<String> outputStreams,
            Map<String, Stateful> states, TimeKeeper time, Driver driver) {
        this(name, junctions, outputStreams, states, time, driver, null);
    }

    AppRuntimeImpl(String name, Map<String, StreamJunction> junctions, List<String> outputStreams,
            Map<String, Stateful> states, TimeKeeper time, Driver driver, Tables tables) {
        this(name, junctions, outputStreams, states, time, driver, tables, null);
    }

    AppRuntimeImpl(String name, Map<String, StreamJunction> junctions, List<String> outputStreams,
            Map<String, Stateful> states, TimeKeeper time, Driver driver, Tables tables, QueryCompiler queries) {
        this.tables = tables;
        this.queries = queries;
        this.name = name;
        this.junctions = junctions;
        this.outputStreams = List.copyOf(outputStreams);
        this.states = states;
        this.time = time;
        this.driver = driver;
    }

    void start() {
        driver.start();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AppInfo info() {
        return new AppInfo(name, state, Set.of(), streams(), null);
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
            long now = Math.max(requestedTime, time.started() ? time.clock().now() : Long.MIN_VALUE);
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
        if (state == AppState.STOPPED) {
            return;
        }
        state = AppState.STOPPED;
        driver.shutdown();
        if (tables != null) {
            tables.close();
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
        if (state == AppState.STOPPED) {
            throw new IllegalStateException("app '" + name + "' is stopped");
        }
        TableRuntime table = tables.table(plan.table().name());
        return driver.call(() -> OnDemandQuery.run(plan, table, time.clock()));
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

    /**
     * A consistent snapshot of every stateful operator (windows, aggregators, rate limiters), taken on the
     * writer between chunks. Keys are "query/part"; values are JDK-serializable.
     */
    public Map<String, Serializable> snapshotState() {
        return driver.call(() -> {
            Map<String, Serializable> out = new LinkedHashMap<>();
            states.forEach((k, v) -> out.put(k, v.snapshot()));
            return out;
        });
    }

    /** Puts back a snapshot from {@link #snapshotState()} of an app built from the same SQL. */
    public void restoreState(Map<String, Serializable> snapshot) {
        driver.call(() -> {
            for (Map.Entry<String, Serializable> e : snapshot.entrySet()) {
                Stateful s = states.get(e.getKey());
                if (s == null) {
                    throw new IllegalArgumentException("app '" + name + "' has no state '" + e.getKey() + "'");
                }
                s.restore(e.getValue());
            }
            return null;
        });
    }
}
