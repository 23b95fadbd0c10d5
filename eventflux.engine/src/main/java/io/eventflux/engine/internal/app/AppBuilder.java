package io.eventflux.engine.internal.app;

import io.eventflux.api.DeployOptions;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.config.OptionResolver;
import io.eventflux.api.extension.Stateful;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.engine.internal.io.ConnectorOptions;
import io.eventflux.engine.internal.io.ConnectorThreads;
import io.eventflux.engine.internal.io.Connectors;
import io.eventflux.engine.internal.join.JoinSource;
import io.eventflux.engine.internal.partition.PartitionRuntime;
import io.eventflux.engine.internal.query.QueryBuilder;
import io.eventflux.engine.internal.query.QueryRuntime;
import io.eventflux.engine.internal.trigger.TriggerRuntime;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.table.TableRuntime;
import io.eventflux.engine.internal.table.Tables;
import io.eventflux.engine.internal.time.TimeKeeper;
import io.eventflux.engine.internal.time.WallClock;
import io.eventflux.sql.SqlCompiler;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.PartitionPlan;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.TableWritePlan;
import io.eventflux.sql.plan.TriggerPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Turns an {@link AppPlan} into a started {@link AppRuntimeImpl}. */
public final class AppBuilder {
    private final ExtensionRegistry registry;
    private final ConnectorThreads connectorThreads;

    /** @param connectorThreads the runtime's connector scheduler (retries, restarts) */
    public AppBuilder(ExtensionRegistry registry, ConnectorThreads connectorThreads) {
        this.registry = registry;
        this.connectorThreads = connectorThreads;
    }

    /**
     * Builds and starts an app.
     *
     * @throws IllegalStateException when a stream names a connector or format that is not available
     * @throws IllegalArgumentException for bad connector options (naming stream, key and value) or an
     *     unset {@code ${VAR}}
     * @throws UnsupportedOperationException for plan features this engine does not run yet
     */
    public AppRuntimeImpl build(AppPlan plan, String name, DeployOptions options) {
        Map<String, Map<String, String>> resolved = resolve(plan, name, options);
        Map<String, ConnectorOptions> connectors = new LinkedHashMap<>();
        Map<String, StreamSchema> schemas = new LinkedHashMap<>();
        for (StreamDef s : plan.streams()) {
            schemas.put(s.name(), s.schema());
            Map<String, String> o = resolved.get(s.name());
            if (ConnectorOptions.lookup(o, "type") != null) {
                connectors.put(s.name(), ConnectorOptions.parse(name, s.schema(), o));
            }
        }
        Connectors.check(registry, connectors, schemas);
        WallWaker waker = null;
        TimeKeeper time;
        if (options.clock() == io.eventflux.api.ClockMode.PLAYBACK) {
            time = TimeKeeper.playback();
        } else {
            WallClock clock = new WallClock();
            waker = new WallWaker(name, clock);
            time = TimeKeeper.wall(clock, waker);
        }
        try {
            return assemble(plan, name, options, time, waker, resolved, connectors);
        } catch (RuntimeException e) {
            if (waker != null) {
                waker.close();
            }
            throw e;
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

    private AppRuntimeImpl assemble(AppPlan plan, String name, DeployOptions options, TimeKeeper time, WallWaker waker,
            Map<String, Map<String, String>> resolved, Map<String, ConnectorOptions> connectorOptions) {
        Map<String, StreamJunction> junctions = new LinkedHashMap<>();
        for (StreamDef s : plan.streams()) {
            boolean drop = "drop".equalsIgnoreCase(ConnectorOptions.lookup(resolved.get(s.name()), "backpressure"));
            junctions.put(s.name(), new StreamJunction(s.schema(), drop));
        }
        Map<String, Stateful> states = new LinkedHashMap<>();
        Tables tables = new Tables(name, plan.tables(), registry);
        for (TableRuntime t : tables.all()) {
            states.put("table/" + t.name(), t);
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
        WriterCore core = new WriterCore(time, shutdownFlushes);
        Driver driver = options.synchronous() ? new InlineDriver(name, core, waker)
                : new RingDriver(name, core, waker, options.ringBufferSize());
        // tables are not streams: what queries insert into them is not an output stream
        List<String> outputs = Stream.concat(plan.queries().stream(),
                plan.partitions().stream().flatMap(p -> p.queries().stream()))
                .map(q -> q.output().target()).filter(junctions::containsKey).distinct().toList();
        SqlCompiler compiler = new SqlCompiler(registry);
        Connectors connectors = connectorOptions.isEmpty() ? Connectors.none(driver)
                : Connectors.build(name, connectorOptions, junctions, registry, driver, time.clock(),
                        connectorThreads.scheduler());
        AppRuntimeImpl app = new AppRuntimeImpl(name, junctions, outputs, states, time, driver, tables,
                sql -> compiler.compileQuery(plan, sql), connectors, connectorThreads);
        app.start();
        return app;
    }

    private static StreamJunction junction(Map<String, StreamJunction> junctions, String app, String stream) {
        StreamJunction j = junctions.get(stream);
        if (j == null) {
            throw new IllegalArgumentException("app '" + app + "': unknown stream '" + stream + "'");
        }
        return j;
    }
}
