package io.eventflux.engine.internal.app;

import io.eventflux.api.DeployOptions;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.config.OptionResolver;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.Stateful;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.engine.internal.aggregation.AggregationOptions;
import io.eventflux.engine.internal.aggregation.AggregationRuntime;
import io.eventflux.engine.internal.aggregation.Aggregations;
import io.eventflux.engine.internal.aggregation.BadEvents;
import io.eventflux.engine.internal.io.ConnectorOptions;
import io.eventflux.engine.internal.io.ConnectorThreads;
import io.eventflux.engine.internal.io.Connectors;
import io.eventflux.engine.internal.join.JoinSource;
import io.eventflux.engine.internal.partition.PartitionRuntime;
import io.eventflux.engine.internal.query.LatencyHistogram;
import io.eventflux.engine.internal.query.QueryBuilder;
import io.eventflux.engine.internal.query.QueryLatencies;
import io.eventflux.engine.internal.query.QueryRuntime;
import io.eventflux.engine.internal.trigger.TriggerRuntime;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.table.TableRuntime;
import io.eventflux.engine.internal.table.Tables;
import io.eventflux.engine.internal.time.EventTimeGate;
import io.eventflux.engine.internal.time.EventTimeOptions;
import io.eventflux.engine.internal.time.TimeKeeper;
import io.eventflux.engine.internal.time.WallClock;
import io.eventflux.sql.SqlCompiler;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.PartitionPlan;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.TableDef;
import io.eventflux.sql.plan.TableWritePlan;
import io.eventflux.sql.plan.TriggerPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Turns an {@link AppPlan} into an {@link AppInstance} (one run of an app). */
public final class AppBuilder {
    private final ExtensionRegistry registry;
    private final ConnectorThreads connectorThreads;

    /** @param connectorThreads the runtime's connector scheduler (retries, restarts) */
    public AppBuilder(ExtensionRegistry registry, ConnectorThreads connectorThreads) {
        this.registry = registry;
        this.connectorThreads = connectorThreads;
    }

    /** The connector scheduler (periodic snapshots run there), or null. */
    io.eventflux.engine.internal.io.ConnectorThreads connectorThreads() {
        return connectorThreads;
    }

    /**
     * The connector, format and table-store extensions the plan needs that the registry lacks, as
     * {@code type:name} (an app missing them waits).
     *
     * @throws IllegalArgumentException for bad connector options or an unset {@code ${VAR}}
     */
    public java.util.Set<String> missing(AppPlan plan, String name, DeployOptions options) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (ConnectorOptions o : connectorOptions(plan, name, resolve(plan, name, options), options).values()) {
            String kind = o.isSource() ? Extension.SOURCE : Extension.SINK;
            if (registry.find(kind, o.extension(), Object.class).isEmpty()) {
                out.add(kind + ":" + o.extension());
            }
            if (o.format() != null && registry.mapper(o.format()).isEmpty()) {
                out.add(Extension.MAPPER + ":" + o.format());
            }
        }
        for (TableDef t : plan.tables()) {
            String store = Tables.storeName(t);
            if (registry.tableStore(store).isEmpty()) {
                out.add(Extension.TABLE_STORE + ":" + store);
            }
        }
        for (io.eventflux.sql.plan.AggregationDef a : plan.aggregations()) {
            String store = AggregationOptions.store(a.options());
            if (store != null && registry.tableStore(store).isEmpty()) {
                out.add(Extension.TABLE_STORE + ":" + store);
            }
        }
        return out;
    }

    /**
     * Builds an app, not started ({@link AppInstance#startWriter()}, then
     * {@link AppInstance#startConnectors()}).
     *
     * @param uses receives the connector, format and table-store factories the app is built with
     * @throws IllegalStateException when a stream names a connector or format that is not available
     * @throws IllegalArgumentException for bad connector options (naming stream, key and value) or an
     *     unset {@code ${VAR}}
     * @throws UnsupportedOperationException for plan features this engine does not run yet
     */
    public AppInstance build(AppPlan plan, String name, DeployOptions options, List<ExtensionUse> uses) {
        Map<String, Map<String, String>> resolved = resolve(plan, name, options);
        Map<String, ConnectorOptions> connectors = connectorOptions(plan, name, resolved, options);
        Map<String, StreamSchema> schemas = new LinkedHashMap<>();
        for (StreamDef s : plan.streams()) {
            schemas.put(s.name(), s.schema());
        }
        Connectors.check(registry, connectors, schemas);
        recordUses(plan, connectors, uses);
        WallWaker waker = null;
        TimeKeeper time;
        List<EventTimeOptions> eventTimed = EventTimeWiring.options(plan, name, resolved);
        if (!eventTimed.isEmpty()) {
            // the whole app runs on event time; the wall clock only measures idle timeouts
            time = TimeKeeper.playback();
            if (options.clock() != io.eventflux.api.ClockMode.PLAYBACK
                    && eventTimed.stream().anyMatch(o -> o.idleMillis() > 0)) {
                waker = new WallWaker(name, new WallClock());
            }
        } else if (options.clock() == io.eventflux.api.ClockMode.PLAYBACK) {
            time = TimeKeeper.playback();
        } else {
            WallClock clock = new WallClock();
            waker = new WallWaker(name, clock);
            time = TimeKeeper.wall(clock, waker);
        }
        try {
            return assemble(plan, name, options, time, waker, resolved, connectors, eventTimed);
        } catch (RuntimeException e) {
            if (waker != null) {
                waker.close();
            }
            throw e;
        }
    }

    /** The connector streams' options, checked; none when the deploy options turn connectors off. */
    private static Map<String, ConnectorOptions> connectorOptions(AppPlan plan, String name,
            Map<String, Map<String, String>> resolved, DeployOptions options) {
        Map<String, ConnectorOptions> connectors = new LinkedHashMap<>();
        for (StreamDef s : plan.streams()) {
            Map<String, String> o = resolved.get(s.name());
            if (ConnectorOptions.lookup(o, "type") != null) {
                connectors.put(s.name(), ConnectorOptions.parse(name, s.schema(), o));
            }
        }
        return options.connectors() ? connectors : Map.of();
    }

    private void recordUses(AppPlan plan, Map<String, ConnectorOptions> connectors, List<ExtensionUse> uses) {
        for (ConnectorOptions o : connectors.values()) {
            String kind = o.isSource() ? Extension.SOURCE : Extension.SINK;
            registry.find(kind, o.extension(), Object.class)
                    .ifPresent(f -> uses.add(new ExtensionUse(kind, o.extension(), f)));
            if (o.format() != null) {
                registry.mapper(o.format()).ifPresent(f -> uses.add(new ExtensionUse(Extension.MAPPER, o.format(), f)));
            }
        }
        for (TableDef t : plan.tables()) {
            String store = Tables.storeName(t);
            registry.tableStore(store).ifPresent(f -> uses.add(new ExtensionUse(Extension.TABLE_STORE, store, f)));
        }
    }

    /** Every stream's options: SQL WITH over the config file's tables, ${VAR} replaced. */
    private static Map<String, Map<String, String>> resolve(AppPlan plan, String name, DeployOptions options) {
        OptionResolver resolver = new OptionResolver(options.config(), options.environment());
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (StreamDef s : plan.streams()) {
            try {
                out.put(s.name(), resolver.values(s.name(), s.options()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("app '" + name + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    private AppInstance assemble(AppPlan plan, String name, DeployOptions options, TimeKeeper time, WallWaker waker,
            Map<String, Map<String, String>> resolved, Map<String, ConnectorOptions> connectorOptions,
            List<EventTimeOptions> eventTimed) {
        Map<String, StreamJunction> junctions = new LinkedHashMap<>();
        for (StreamDef s : plan.streams()) {
            boolean drop = "drop".equalsIgnoreCase(ConnectorOptions.lookup(resolved.get(s.name()),
                    io.eventflux.engine.StreamOption.BACKPRESSURE.key()));
            junctions.put(s.name(), new StreamJunction(s.schema(), drop));
        }
        Map<String, Stateful> states = new LinkedHashMap<>();
        Tables tables = new Tables(name, plan.tables(), registry);
        for (TableRuntime t : tables.all()) {
            states.put("table/" + t.name(), t);
        }
        Aggregations aggregations;
        try {
            aggregations = new Aggregations(name, plan.aggregations(), registry, time.clock());
        } catch (RuntimeException e) {
            tables.close();
            throw e;
        }
        tables.aggregations(aggregations);
        for (AggregationRuntime a : aggregations.all()) {
            // before the queries: a join reading the aggregation sees the event that fed it
            junction(junctions, name, a.definition().source().name()).subscribe(a);
            states.put("aggregation/" + a.name(), a);
        }
        int sampleEvery = QueryLatencies.sampleEvery(name, plan.options(), options.config().application());
        QueryLatencies latencies = sampleEvery > 0 ? new QueryLatencies(sampleEvery) : null;
        if (latencies != null) {
            // every query has one from the start, also a partitioned one before its first key
            Stream.concat(plan.queries().stream(), plan.partitions().stream().flatMap(p -> p.queries().stream()))
                    .forEach(q -> latencies.histogram(q.name()));
        }
        QueryBuilder.Context context = new QueryBuilder.Context() {
            @Override
            public TimeKeeper time() {
                return time;
            }

            @Override
            public StreamJunction junction(String stream) {
                StreamJunction j = junctions.get(stream);
                if (j == null) {
                    j = tables.junction(stream);
                }
                if (j == null) {
                    throw new IllegalArgumentException("app '" + name + "': unknown stream '" + stream + "'");
                }
                return j;
            }

            @Override
            public void registerState(String key, Stateful state) {
                String k = key;
                for (int i = 2; states.containsKey(k); i++) {
                    k = key + "#" + i;
                }
                states.put(k, state);
            }

            @Override
            public LatencyHistogram latency(String query) {
                return latencies == null ? null : latencies.histogram(query);
            }

            @Override
            public AggregationRuntime aggregation(String aggregation) {
                AggregationRuntime a = aggregations.get(aggregation);
                if (a == null) {
                    throw new IllegalArgumentException("app '" + name + "': unknown aggregation '" + aggregation + "'");
                }
                return a;
            }

            @Override
            public JoinSource table(String table, int keyColumn) {
                TableRuntime t = tables.table(table);
                if (t == null) {
                    throw new IllegalArgumentException("app '" + name + "': unknown table '" + table + "'");
                }
                return t.joinSource(keyColumn);
            }
        };
        QueryBuilder builder = new QueryBuilder(context);
        List<Runnable> shutdownFlushes = new ArrayList<>();
        for (QueryPlan q : plan.queries()) {
            QueryRuntime query = builder.build(q);
            shutdownFlushes.add(query::flushOnShutdown);
        }
        for (TableWritePlan w : plan.tableWrites()) {
            junctions.get(w.input().stream().name()).subscribe(tables.write(w, time.clock()));
        }
        for (PartitionPlan p : plan.partitions()) {
            PartitionRuntime partition = new PartitionRuntime(p, context);
            states.put(p.name(), partition);
            shutdownFlushes.add(partition::flushOnShutdown);
        }
        for (TriggerPlan t : plan.triggers()) {
            // after the queries: their start hooks (rate limiter periods) run before AT START fires
            states.put("trigger/" + t.name(), new TriggerRuntime(t, junction(junctions, name, t.name()), time));
        }
        EventTimeGate gate = EventTimeWiring.gate(name, eventTimed, junctions, time, waker);
        java.util.concurrent.atomic.AtomicReference<AppInstance> built = new java.util.concurrent.atomic.AtomicReference<>();
        if (gate != null) {
            states.put(AppInstance.EVENT_TIME_STATE, gate);
            gate.onFailure(reason -> built.get().fail(reason));
        }
        for (AggregationRuntime a : aggregations.all()) {
            String source = a.definition().source().name();
            a.badEvents(BadEvents.of(name, source, resolved.get(source), junctions::get,
                    reason -> built.get().fail(reason)));
        }
        WriterCore core = new WriterCore(time, shutdownFlushes, gate);
        RingOptions ring = RingOptions.of(name, plan.options(), options.config().application());
        Driver driver = options.synchronous() ? new InlineDriver(name, core, waker)
                : new RingDriver(name, core, waker, options.ringBufferSize(), ring.waitStrategy(),
                        time.isPlayback() ? 1 : ring.batchSizeMax());
        // tables are not streams: what queries insert into them is not an output stream
        List<String> outputs = Stream.concat(plan.queries().stream(),
                plan.partitions().stream().flatMap(p -> p.queries().stream()))
                .map(q -> q.output().target()).filter(junctions::containsKey).distinct().toList();
        SqlCompiler compiler = new SqlCompiler(registry);
        Connectors connectors = connectorOptions.isEmpty() ? Connectors.none(driver)
                : Connectors.build(name, connectorOptions, junctions, registry, driver, time.clock(),
                        connectorThreads.scheduler());
        Map<String, String> connectorNames = new LinkedHashMap<>();
        connectorOptions.forEach((stream, o) -> connectorNames.put(stream,
                (o.isSource() ? "source:" : "sink:") + o.extension()));
        AppInstance instance = new AppInstance(name, junctions, outputs, states, time, driver, tables,
                sql -> compiler.compileQuery(plan, sql), connectors, connectorThreads, plan, connectorNames, latencies);
        built.set(instance);
        return instance;
    }

    private static StreamJunction junction(Map<String, StreamJunction> junctions, String app, String stream) {
        StreamJunction j = junctions.get(stream);
        if (j == null) {
            throw new IllegalArgumentException("app '" + app + "': unknown stream '" + stream + "'");
        }
        return j;
    }
}
