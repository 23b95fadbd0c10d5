package io.eventflux.engine;

import io.eventflux.api.AppInfo;
import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.engine.internal.app.AppBuilder;
import io.eventflux.api.AppState;
import io.eventflux.api.management.EventFluxManagement;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import io.eventflux.engine.internal.app.MissingExtensions;
import io.eventflux.engine.internal.management.RuntimeManagement;
import io.eventflux.engine.internal.time.WallClock;
import io.eventflux.engine.internal.io.ConnectorThreads;
import io.eventflux.sql.SqlCompiler;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.StreamDef;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EventFlux runtime: compiles apps with the SQL compiler against an {@link ExtensionRegistry} and
 * runs them. Thread-safe. Use it directly as a library ({@link #withServiceLoader(ClassLoader)}); inside
 * OSGi the engine bundle registers an {@link EventFlux} service backed by one.
 */
public final class EventFluxRuntime implements EventFlux, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventFluxRuntime.class.getName());

    private final ExtensionRegistry registry;
    private final SqlCompiler compiler;
    private final AppBuilder builder;
    private final Map<String, AppRuntimeImpl> apps = new LinkedHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final ConnectorThreads connectorThreads = new ConnectorThreads("eventflux-connectors");
    private final WallClock wallClock = new WallClock();
    private final AutoCloseable registryListener;
    private final RuntimeManagement management;

    /**
     * A runtime over {@code registry}. It listens to the registry: apps waiting for extensions start when
     * they arrive, and apps whose extensions leave are suspended (see {@link AppState#WAITING}).
     */
    public EventFluxRuntime(ExtensionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.compiler = new SqlCompiler(registry);
        this.builder = new AppBuilder(registry, connectorThreads);
        this.management = new RuntimeManagement(this);
        this.registryListener = registry.addListener(this::extensionsChanged);
    }

    /** The management service over this runtime (what the Gogo commands and REST API call). */
    public EventFluxManagement management() {
        return management;
    }

    private void extensionsChanged() {
        for (AppRuntimeImpl app : handles()) {
            app.extensionsChanged();
        }
    }

    /** The deployed apps' handles, in deploy order. */
    public List<AppRuntimeImpl> handles() {
        synchronized (apps) {
            return List.copyOf(apps.values());
        }
    }

    /** A deployed app's handle. */
    public Optional<AppRuntimeImpl> handle(String name) {
        synchronized (apps) {
            return Optional.ofNullable(apps.get(name));
        }
    }

    /**
     * A runtime whose registry holds every extension factory {@link ServiceLoader} finds through
     * {@code loader} (each factory type of {@link ExtensionRegistry#factoryTypes()}), described by the
     * {@link Extension} annotation of its class. Factories without the annotation are skipped.
     *
     * <p>A provider class listed under several factory types (the inMemory source and sink, which must share
     * one broker) is instantiated once per runtime and registered under each of those types, with the
     * annotation's name.
     */
    public static EventFluxRuntime withServiceLoader(ClassLoader loader) {
        ExtensionRegistry registry = new ExtensionRegistry();
        Map<Class<?>, Object> instances = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> type : ExtensionRegistry.factoryTypes().entrySet()) {
            for (ServiceLoader.Provider<?> provider : ServiceLoader.load(type.getValue(), loader).stream().toList()) {
                Extension ext = provider.type().getAnnotation(Extension.class);
                if (ext == null) {
                    LOG.log(Level.WARNING, provider.type().getName() + " has no @Extension annotation; skipped");
                    continue;
                }
                Object factory = instances.computeIfAbsent(provider.type(), c -> provider.get());
                registry.add(type.getKey(), factory, ExtensionRegistry.properties(ext));
            }
        }
        return new EventFluxRuntime(registry);
    }

    /** The registry this runtime compiles against. */
    public ExtensionRegistry registry() {
        return registry;
    }

    /** Compiles SQL into a plan (no deployment). */
    public AppPlan compile(String sql) throws CompileException {
        return compiler.compile(sql);
    }

    /**
     * {@inheritDoc}
     *
     * <p>An app whose windows, aggregators, functions, connectors, formats or table stores are missing is
     * deployed WAITING ({@link AppInfo#waitingFor()} names them as {@code type:name}) and starts by itself
     * when they arrive. The app is compiled again at each start, so an updated extension bundle is used.
     *
     * @throws IllegalArgumentException for bad connector options (naming stream, key and value)
     */
    @Override
    public AppRuntime deploy(String sql, DeployOptions options) throws CompileException {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(options, "options");
        return deploy(sql, options, null);
    }

    @Override
    public AppRuntime deploy(String sql, DeployOptions options, java.util.function.Consumer<AppRuntime> beforeStart)
            throws CompileException {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(options, "options");
        String name = options.name() != null ? options.name() : appName(sql);
        return deploy(name, catalog -> new SqlCompiler(catalog).compile(sql), true, options, beforeStart);
    }

    /**
     * Deploys a compiled plan. The app's name is {@code options.name()}, else the plan's, else "app-N".
     * Such an app cannot be rebuilt: if an extension it uses leaves, it fails.
     *
     * @throws IllegalStateException when an app of that name exists or a connector is missing
     */
    public AppRuntime deploy(AppPlan plan, DeployOptions options) {
        Objects.requireNonNull(options, "options");
        String name = options.name() != null ? options.name()
                : plan.name() != null ? plan.name() : "app-" + counter.incrementAndGet();
        try {
            return deploy(name, catalog -> plan, false, options, null);
        } catch (CompileException e) {
            throw new IllegalStateException(e); // a plan compiles: never thrown
        }
    }

    private AppRuntime deploy(String name, AppRuntimeImpl.Source source, boolean recompilable, DeployOptions options,
            java.util.function.Consumer<AppRuntime> beforeStart) throws CompileException {
        AppRuntimeImpl app = new AppRuntimeImpl(name, source, recompilable, options, builder, registry,
                wallClock::now);
        synchronized (apps) {
            if (apps.containsKey(name)) {
                throw new IllegalStateException("an app named '" + name + "' is already deployed");
            }
            // listed before it starts, so that no registry change between its compile and its listing is missed
            apps.put(name, app);
        }
        try {
            app.deploy(beforeStart);
        } catch (CompileException | RuntimeException e) {
            synchronized (apps) {
                apps.remove(name, app);
            }
            throw e;
        }
        return app;
    }

    /**
     * The name a SQL app gets without DeployOptions.name: its {@code @app:name}, else "app-N". Read from the
     * parsed script: the app's start compiles it (once). When an app of that name is deployed already, the
     * script is compiled here first, so that a script with errors reports them rather than the name.
     */
    private String appName(String sql) throws CompileException {
        String declared = SqlCompiler.declaredName(sql);
        if (declared == null) {
            return "app-" + counter.incrementAndGet();
        }
        boolean taken;
        synchronized (apps) {
            taken = apps.containsKey(declared);
        }
        if (taken) {
            try {
                compiler.compile(sql);
            } catch (CompileException e) {
                if (MissingExtensions.of(e, true).isEmpty()) {
                    throw e;
                }
            }
        }
        return declared;
    }

    @Override
    public List<StreamSchema> validate(String sql) throws CompileException {
        return compile(sql).streams().stream().map(StreamDef::schema).toList();
    }

    @Override
    public boolean undeploy(String name) {
        AppRuntimeImpl app;
        synchronized (apps) {
            app = apps.remove(name);
        }
        if (app == null) {
            return false;
        }
        app.shutdown();
        return true;
    }

    @Override
    public List<AppInfo> apps() {
        synchronized (apps) {
            return apps.values().stream().map(AppRuntimeImpl::info).toList();
        }
    }

    @Override
    public Optional<AppRuntime> app(String name) {
        synchronized (apps) {
            return Optional.ofNullable(apps.get(name));
        }
    }

    @Override
    public List<ExtensionInfo> extensions() {
        return registry.extensions();
    }

    /** Undeploys every app (graceful shutdown of each). */
    @Override
    public void close() {
        try {
            registryListener.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "removing the registry listener failed", e);
        }
        List<String> names;
        synchronized (apps) {
            names = new ArrayList<>(apps.keySet());
        }
        for (String n : names) {
            try {
                undeploy(n);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "undeploying app '" + n + "' failed", e);
            }
        }
        connectorThreads.close();
    }
}
