package io.eventflux.engine.internal.management;

import io.eventflux.api.AppState;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.QueryResult;
import io.eventflux.api.StreamCallback;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.management.AppStats;
import io.eventflux.api.management.AppStatus;
import io.eventflux.api.management.AppSummary;
import io.eventflux.api.management.EventFluxManagement;
import io.eventflux.api.management.RuntimeStats;
import io.eventflux.api.management.SnapshotInfo;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.internal.app.AppReports;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** {@link EventFluxManagement} over one {@link EventFluxRuntime}. Thread-safe. */
public final class RuntimeManagement implements EventFluxManagement {
    private final EventFluxRuntime runtime;

    public RuntimeManagement(EventFluxRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    private AppRuntimeImpl app(String name) {
        return runtime.handle(name).orElseThrow(() -> new IllegalArgumentException("no app '" + name
                + "' is deployed; apps: " + runtime.handles().stream().map(AppRuntimeImpl::name).toList()));
    }

    private StreamSchema stream(AppRuntimeImpl app, String stream) {
        return app.stream(stream).orElseThrow(() -> {
            if (app.plan() == null) {
                app.running(); // never compiled: says what it waits for
            }
            return new IllegalArgumentException("app '" + app.name() + "' has no stream '" + stream + "'; streams: "
                    + app.streams().stream().map(StreamSchema::name).toList());
        });
    }

    @Override
    public List<AppSummary> apps() {
        return runtime.handles().stream().map(a -> new AppReports(a).summary()).toList();
    }

    @Override
    public AppStatus status(String app) {
        return new AppReports(app(app)).status();
    }

    @Override
    public AppStats stats(String app) {
        return new AppReports(app(app)).stats();
    }

    @Override
    public RuntimeStats stats() {
        List<AppStats> all = runtime.handles().stream().map(a -> new AppReports(a).stats()).toList();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new RuntimeStats(count(all, AppState.RUNNING), count(all, AppState.WAITING),
                count(all, AppState.FAILED), count(all, AppState.STOPPED), runtime.extensions().size(),
                heap.getUsed(), heap.getMax(), all);
    }

    private static int count(List<AppStats> all, AppState state) {
        return (int) all.stream().filter(s -> s.state() == state).count();
    }

    @Override
    public AppSummary deploy(String sql) throws CompileException {
        return deploy(sql, DeployOptions.defaults());
    }

    @Override
    public AppSummary deploy(String sql, DeployOptions options) throws CompileException {
        String name = runtime.deploy(sql, options).name();
        return new AppReports(app(name)).summary();
    }

    @Override
    public boolean undeploy(String app) {
        return runtime.undeploy(app);
    }

    @Override
    public int send(String app, String stream, String json) {
        AppRuntimeImpl a = app(app);
        StreamSchema schema = stream(a, stream);
        List<Object[]> events = EventValues.events(schema, JsonReader.parse(json));
        if (events.size() == 1) {
            a.inputHandler(stream).send(events.get(0));
        } else {
            long now = a.currentTime();
            List<Event> chunk = new ArrayList<>();
            for (Object[] data : events) {
                chunk.add(new Event(now, data));
            }
            a.inputHandler(stream).send(chunk);
        }
        return events.size();
    }

    @Override
    public void send(String app, String stream, Object[] data) {
        AppRuntimeImpl a = app(app);
        stream(a, stream);
        a.inputHandler(stream).send(data);
    }

    @Override
    public AutoCloseable trace(String app, String stream, StreamCallback listener) {
        AppRuntimeImpl a = app(app);
        stream(a, stream);
        return a.addCallback(stream, listener);
    }

    @Override
    public List<Event> trace(String app, String stream, int count, Duration timeout) throws InterruptedException {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, was " + count);
        }
        Collector collector = new Collector(count);
        try (AutoCloseable handle = trace(app, stream, collector)) {
            return collector.await(timeout);
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public QueryResult query(String app, String sql) throws CompileException {
        return app(app).query(sql);
    }

    @Override
    public SnapshotInfo snapshot(String app) {
        return app(app).snapshots().take();
    }

    @Override
    public List<SnapshotInfo> snapshots(String app) {
        return app(app).snapshots().list();
    }

    @Override
    public SnapshotInfo restore(String app, String revision) {
        return app(app).snapshots().restore(revision);
    }

    @Override
    public List<ExtensionInfo> extensions(String type) {
        return runtime.extensions().stream().filter(e -> type == null || e.type().equalsIgnoreCase(type)).toList();
    }

    /** Collects the first N events of a stream; the tracing thread waits on it. */
    private static final class Collector implements StreamCallback {
        private final int count;
        private final List<Event> events = new ArrayList<>();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition full = lock.newCondition();

        Collector(int count) {
            this.count = count;
        }

        @Override
        public void receive(List<Event> chunk) {
            lock.lock();
            try {
                for (Event e : chunk) {
                    if (events.size() < count) {
                        events.add(e);
                    }
                }
                if (events.size() >= count) {
                    full.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        List<Event> await(Duration timeout) throws InterruptedException {
            long nanos = timeout.toNanos();
            lock.lock();
            try {
                while (events.size() < count && nanos > 0) {
                    nanos = full.awaitNanos(nanos);
                }
                return List.copyOf(events);
            } finally {
                lock.unlock();
            }
        }
    }
}
