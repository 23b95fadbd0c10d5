package io.eventflux.launcher.internal.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.connect.ConnectFrameworkFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Starts Felix with the embedded bundles and runs the command, keeping the contract of bnd's launcher
 * that the eventflux.launcher bundle relies on: once the bundles of the beginning start level are
 * started, a service with {@code launcher.arguments} (the command line) is registered, and the first
 * {@code Callable<Integer>} service with {@code main.thread=true} is called on the main thread; its result
 * is the exit code. The framework is then stopped.
 *
 * <p>The bundles are installed while the framework is initialised but not started (start level 0), each
 * with the start level bnd gives it and marked to start; the ones of the beginning start level are
 * resolved together, then starting the framework starts them in install order. Bundles above the
 * beginning level (FileInstall, server mode) stay installed and unresolved until a command raises the
 * level. Errors of bundles that fail to start are reported on stderr.
 */
final class FrameworkRunner {
    /** The commands that compile an app as soon as they start (see {@link #warmUpCompiler}). */
    static final java.util.Set<String> COMPILE_AT_ONCE = java.util.Set.of("run", "replay", "validate", "config", "shell");
    private static final String SQL_BUNDLE = "eventflux.sql";
    private static final String SQL_COMPILER = "io.eventflux.sql.SqlCompiler";
    static final String MAIN_FILTER = "(&(objectClass=" + Callable.class.getName() + ")(main.thread=true))";

    private final LaunchProperties launch;
    private final PrintStream err;
    private final BootTrace trace;
    /** Connects the bundles on the class path (none when it holds none). */
    private final ClassPathConnector connector;

    FrameworkRunner(LaunchProperties launch, PrintStream err, BootTrace trace, ClassPathConnector connector) {
        this.launch = launch;
        this.err = err;
        this.trace = trace;
        this.connector = connector;
    }

    /**
     * Creates and initialises the framework (not started: start level 0) on a thread of its own, so that the
     * caller prepares the bundles meanwhile; Felix's init (the system bundle, its packages computed from the
     * JDK's modules) does not depend on them.
     *
     * @param storage the framework's own storage (a fresh folder)
     */
    CompletableFuture<Framework> initInBackground(Path storage) {
        CompletableFuture<Framework> initialised = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                initialised.complete(init(storage));
            } catch (Throwable t) {
                initialised.completeExceptionally(t);
            }
        }, "eventflux-framework-init");
        thread.setDaemon(true);
        thread.start();
        return initialised;
    }

    private Framework init(Path storage) throws BundleException {
        Map<String, String> config = new HashMap<>(launch.runProperties());
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "1");
        if (launch.systemPackages() != null) {
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, launch.systemPackages());
        }
        Framework framework = ServiceLoader.load(ConnectFrameworkFactory.class, FrameworkRunner.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework in the jar"))
                .newFramework(config, connector);
        framework.init();
        trace.mark("framework initialised");
        return framework;
    }

    /**
     * Runs the command.
     *
     * @param initialised the framework, initialised (see {@link #initInBackground})
     * @param source opens the embedded bundle at a path of launch.bundles: a {@code reference:file:} location
     *        (nothing copied) or null to install it from the jar's stream
     * @param jarStream the stream of an embedded bundle, for those installed by copy
     * @param deferred the embedded paths not to install at boot (the launcher bundle installs them on demand)
     */
    int run(String[] args, CompletableFuture<Framework> initialised, Function<String, String> source,
            Function<String, InputStream> jarStream, java.util.Set<String> deferred) throws Exception {
        int beginning = parse(launch.runProperties().get(Constants.FRAMEWORK_BEGINNING_STARTLEVEL), 1);
        Framework framework;
        try {
            framework = initialised.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        BundleContext context = framework.getBundleContext();
        context.addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.ERROR && !standInAnsweredNothing(event.getThrowable())) {
                Bundle bundle = event.getBundle();
                err.println("eventflux: bundle " + (bundle == null ? "?" : bundle.getSymbolicName()) + ": "
                        + event.getThrowable());
            }
        });
        FrameworkStartLevel frameworkLevel = framework.adapt(FrameworkStartLevel.class);
        // most embedded bundles belong to the beginning level: installed with it, only the others are moved
        // (each move rewrites the bundle's record in the storage); bundles installed later get the default
        frameworkLevel.setInitialBundleStartLevel(beginning);

        List<Bundle> early = new ArrayList<>();
        int installed = 0;
        for (String path : launch.bundles()) {
            if (deferred.contains(path)) {
                continue;
            }
            installed++;
            Bundle bundle;
            String location = source.apply(path);
            if (location != null) {
                bundle = context.installBundle(location);
            } else {
                try (InputStream in = jarStream.apply(path)) {
                    bundle = context.installBundle(path, in);
                }
            }
            int level = launch.startLevel(bundle.getSymbolicName(), bundle.getVersion().toString());
            if (level != beginning) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(level);
            }
            if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                try {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException e) {
                    err.println("eventflux: bundle " + bundle.getSymbolicName() + " cannot start: " + e);
                }
            }
            if (level <= beginning) {
                early.add(bundle);
            }
        }
        frameworkLevel.setInitialBundleStartLevel(launch.defaultStartLevel());
        trace.mark(installed + " bundles installed (" + (launch.bundles().size() - installed) + " on demand)");
        if (!framework.adapt(FrameworkWiring.class).resolveBundles(early)) {
            for (Bundle bundle : early) {
                if (bundle.getState() == Bundle.INSTALLED) {
                    err.println("eventflux: bundle " + bundle.getSymbolicName() + " does not resolve");
                }
            }
        }
        trace.mark("bundles resolved");
        if (args.length > 0 && COMPILE_AT_ONCE.contains(args[0])) {
            warmUpCompiler(early);
        }
        framework.start();
        if (frameworkLevel.getStartLevel() < beginning) {
            CompletableFuture<Void> reached = new CompletableFuture<>();
            frameworkLevel.setStartLevel(beginning, e -> reached.complete(null));
            reached.get();
        }
        trace.mark("bundles started (start level " + frameworkLevel.getStartLevel() + ")");
        try {
            Callable<?> main = awaitMain(framework, args);
            trace.mark("command started");
            Object result = main.call();
            return result instanceof Integer code ? code : 0;
        } finally {
            stop(framework);
        }
    }

    /**
     * Readies the SQL parser ({@code SqlCompiler.warmUp}, its first use costs ~100 ms of CPU) on a daemon thread
     * of its own while the bundles start, for the commands whose first act is compiling an app: the compile
     * then finds it ready. Best effort: without it (no sql bundle, an older one) the compile does the work.
     */
    private void warmUpCompiler(List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            if (SQL_BUNDLE.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.RESOLVED) {
                Thread thread = new Thread(() -> {
                    try {
                        bundle.loadClass(SQL_COMPILER).getMethod("warmUp").invoke(null);
                        trace.mark("SQL parser ready");
                    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                        // best effort: the app's own compile readies the parser
                    }
                }, "eventflux-sql-warm-up");
                thread.setDaemon(true);
                thread.start();
                return;
            }
        }
    }

    /** Registers the command line and waits for the command (the launcher bundle's component). */
    private Callable<?> awaitMain(Framework framework, String[] args) throws InvalidSyntaxException,
            InterruptedException, ExecutionException {
        BundleContext context = framework.getBundleContext();
        CompletableFuture<Callable<?>> found = new CompletableFuture<>();
        Thread watcher = watchStop(framework, found);
        context.addServiceListener(event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                found.complete((Callable<?>) context.getService(event.getServiceReference()));
            }
        }, MAIN_FILTER);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("launcher.arguments", args.clone());
        props.put("launcher.ready", "true");
        props.put(Constants.SERVICE_RANKING, -1000);
        context.registerService(Object.class, new Object(), props);
        ServiceReference<?>[] existing = context.getServiceReferences(Callable.class.getName(), MAIN_FILTER);
        if (existing != null && existing.length > 0) {
            found.complete((Callable<?>) context.getService(existing[0]));
        }
        try {
            return found.get();
        } finally {
            watcher.interrupt();
        }
    }

    /** Fails the wait for the command when the framework stops before the command is there. */
    private static Thread watchStop(Framework framework, CompletableFuture<?> found) {
        Thread thread = new Thread(() -> {
            try {
                framework.waitForStop(0);
                found.completeExceptionally(new IllegalStateException(
                        "the framework stopped before the eventflux command was registered"));
            } catch (InterruptedException e) {
                // the command came
            }
        }, "eventflux-framework-watch");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(0);
        } catch (BundleException | IllegalStateException e) {
            // stopping already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A stand-in of an on-demand extension asked from inside the install of its own bundle (see
     * OnDemandBundles) answers nothing on purpose: the app asking waits for the bundle's service instead.
     */
    private static boolean standInAnsweredNothing(Throwable t) {
        return t instanceof org.osgi.framework.ServiceException e && e.getType() == org.osgi.framework.ServiceException.FACTORY_ERROR
                && String.valueOf(e.getMessage()).contains("OnDemandBundles$StandIn");
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
