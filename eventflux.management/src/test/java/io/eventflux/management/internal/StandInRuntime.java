package io.eventflux.management.internal;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppInfo;
import io.eventflux.api.AppState;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.QueryResult;
import io.eventflux.api.StreamCallback;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.management.AppStats;
import io.eventflux.api.management.AppStatus;
import io.eventflux.api.management.AppSummary;
import io.eventflux.api.management.EventFluxManagement;
import io.eventflux.api.management.QueryLatency;
import io.eventflux.api.management.QueryStatus;
import io.eventflux.api.management.RuntimeStats;
import io.eventflux.api.management.SnapshotInfo;
import io.eventflux.api.management.StreamStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stand-in for the engine's management service in this bundle's unit tests (the engine's own
 * implementation is exercised end to end by the launcher's ServerJarIT). An app is one line of "SQL":
 * {@code app STATE} deploys an app in that state; anything containing {@code error} fails to compile at
 * line 2, column 5. Sending counts events on the stream.
 */
final class StandInRuntime implements EventFluxManagement {
    private final Map<String, AppSummary> apps = new LinkedHashMap<>();
    private final Map<String, Long> sent = new LinkedHashMap<>();

    @Override
    public synchronized List<AppSummary> apps() {
        return List.copyOf(apps.values());
    }

    @Override
    public synchronized AppStatus status(String app) {
        AppSummary summary = known(app);
        long n = sent.getOrDefault(app, 0L);
        // every event sent is one chunk of query Q that took 2 ms (and counts as a late event of In)
        QueryLatency latency = new QueryLatency(List.of(1_000_000L, 10_000_000L), List.of(0L, n), n, n * 2_000_000L);
        return new AppStatus(summary, List.of(new StreamStatus("In", true, false, null, n, 0, 0, 0, n)),
                List.of(new QueryStatus("Q", List.of("In"), "Out", latency)), List.of());
    }

    @Override
    public synchronized AppStats stats(String app) {
        AppSummary s = known(app);
        long in = sent.getOrDefault(app, 0L);
        return new AppStats(app, s.state(), 0, in, in, 0, 0, 1024, 256, 0, in);
    }

    @Override
    public synchronized RuntimeStats stats() {
        List<AppStats> all = apps.keySet().stream().map(this::stats).toList();
        return new RuntimeStats(count(AppState.RUNNING), count(AppState.WAITING), count(AppState.FAILED),
                count(AppState.STOPPED), 3, 1, 2, all);
    }

    private int count(AppState state) {
        return (int) apps.values().stream().filter(a -> a.state() == state).count();
    }

    @Override
    public AppSummary deploy(String sql) throws CompileException {
        return deploy(sql, DeployOptions.defaults());
    }

    @Override
    public synchronized AppSummary deploy(String sql, DeployOptions options) throws CompileException {
        validate(sql);
        if (apps.containsKey(options.name())) {
            throw new IllegalStateException("an app named '" + options.name() + "' is deployed already");
        }
        AppState state = AppState.valueOf(sql.trim().split("\\s+")[1]);
        AppSummary summary = new AppSummary(options.name(), state, state == AppState.WAITING ? Set.of("window:hello") : Set.of(),
                state == AppState.FAILED ? "boom" : null, 0, 0);
        apps.put(options.name(), summary);
        return summary;
    }

    @Override
    public synchronized boolean undeploy(String app) {
        sent.remove(app);
        return apps.remove(app) != null;
    }

    @Override
    public synchronized int send(String app, String stream, String json) {
        known(app);
        if (!stream.equals("In")) {
            throw new IllegalArgumentException("app '" + app + "' has no stream '" + stream + "' (streams: In)");
        }
        sent.merge(app, 1L, Long::sum);
        return 1;
    }

    @Override
    public void send(String app, String stream, Object[] data) {
        send(app, stream, "[]");
    }

    @Override
    public AutoCloseable trace(String app, String stream, StreamCallback listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Event> trace(String app, String stream, int count, Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized QueryResult query(String app, String sql) throws CompileException {
        known(app);
        validate(sql);
        StreamSchema schema = new StreamSchema("OnDemandResult", List.of(new Attribute("n", AttributeType.LONG)));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {sent.getOrDefault(app, 0L)});
        return new QueryResult(schema, rows);
    }

    @Override
    public SnapshotInfo snapshot(String app) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SnapshotInfo> snapshots(String app) {
        return List.of();
    }

    @Override
    public SnapshotInfo restore(String app, String revision) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ExtensionInfo> extensions(String type) {
        return List.of(new ExtensionInfo("window", "length", List.of(), "last n", List.of("n: INT"), "eventflux.window.length"));
    }

    /** The EventFlux side: only validate is used (by AppDeployer, before replacing an app). */
    EventFlux compiler() {
        return new EventFlux() {
            @Override
            public AppRuntime deploy(String sql, DeployOptions options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AppRuntime deploy(String sql, DeployOptions options, java.util.function.Consumer<AppRuntime> beforeStart) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<StreamSchema> validate(String sql) throws CompileException {
                StandInRuntime.this.validate(sql);
                return List.of();
            }

            @Override
            public boolean undeploy(String name) {
                return StandInRuntime.this.undeploy(name);
            }

            @Override
            public List<AppInfo> apps() {
                return List.of();
            }

            @Override
            public Optional<AppRuntime> app(String name) {
                return Optional.empty();
            }

            @Override
            public List<ExtensionInfo> extensions() {
                return StandInRuntime.this.extensions(null);
            }
        };
    }

    void validate(String sql) throws CompileException {
        if (sql.contains("error")) {
            throw new CompileException(new CompileError(2, 5, "unknown attribute 'error'", "error", "did you mean 'n'?"));
        }
    }

    private AppSummary known(String app) {
        AppSummary summary = apps.get(app);
        if (summary == null) {
            throw new IllegalArgumentException("no app named '" + app + "'");
        }
        return summary;
    }
}
