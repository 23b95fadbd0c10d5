package io.eventflux.launcher.internal.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The entry point of eventflux.jar ({@code Main-Class}, copied to the root of the jar with the Felix
 * framework next to it, so both load from the class path and class data sharing can keep them). Starts
 * the framework with the embedded bundles (see {@link FrameworkRunner}) and exits with the command's code.
 *
 * <p>The bundles are extracted once per jar into a shared folder ({@link BundleCache}) under
 * {@code -Deventflux.cache.dir}, else {@code $XDG_CACHE_HOME/eventflux}, else {@code ~/.cache/eventflux}
 * (the system temporary folder when that cannot be written), and installed from there by reference. Each
 * process gets its own fresh framework storage ({@code run-PID} in the same folder, removed when the
 * process ends; leftovers of processes that are gone are removed at the next start), so no state leaks
 * from one run into the next. {@code -Deventflux.cache=off} copies the bundles from the jar into the
 * framework storage at every start instead, as bnd's launcher did.
 */
public final class Main {
    static final String CACHE_DIR = "eventflux.cache.dir";
    static final String CACHE = "eventflux.cache";
    /** Where the per-process framework storage goes (default: /dev/shm when there is one). */
    static final String STORAGE_DIR = "eventflux.storage.dir";
    /** {@code -Deventflux.ondemand=off} installs every embedded bundle at boot (see {@link OnDemandIndex}). */
    static final String ON_DEMAND = "eventflux.ondemand";
    /** The configuration files a command reads when it is given none (ConfigLoader.DEFAULT_FILES). */
    static final List<String> DEFAULT_CONFIG_FILES = List.of("conf/eventflux.toml", "conf/eventflux.yaml",
            "conf/eventflux.yml");
    /** {@code -Deventflux.warmup=off}: no {@link JdkWarmUp} while Felix initialises. */
    static final String WARM_UP = "eventflux.warmup";
    /** Framework property: the on-demand index file, for the launcher bundle. */
    static final String ON_DEMAND_INDEX = "eventflux.ondemand.index";

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (Throwable t) {
            System.err.println("eventflux: cannot start the runtime: " + t);
            t.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] args) throws Exception {
        BootTrace trace = new BootTrace(System.err, Boolean.getBoolean(BootTrace.PROPERTY));
        trace.mark("main");
        ClassLoader loader = Main.class.getClassLoader();
        LaunchProperties launch;
        try (InputStream in = loader.getResourceAsStream(LaunchProperties.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(LaunchProperties.RESOURCE + " is missing from the jar");
            }
            launch = LaunchProperties.load(in, System.getProperties());
        }
        // the run properties are system properties too (java.util.logging.config.class, slf4j-simple's level)
        for (Map.Entry<String, String> e : launch.runProperties().entrySet()) {
            if (System.getProperty(e.getKey()) == null) {
                System.setProperty(e.getKey(), e.getValue());
            }
        }
        Path jar = jar();
        Path base = jar == null || "off".equalsIgnoreCase(System.getProperty(CACHE)) ? null : cacheBase();
        Path storageRoot = base == null ? null : storageRoot(base);
        Path storage;
        if (storageRoot != null) {
            storage = storageRoot.resolve("run-" + ProcessHandle.current().pid());
            BundleCache.deleteTree(storage);
        } else {
            storage = Files.createTempDirectory("eventflux-fw-");
        }
        // core bundles on the class path (the distribution's script puts them there) are connected: their
        // classes come from the application class loader
        ClassPathConnector connector = new ClassPathConnector(
                ClassPathConnector.jarsOf(System.getProperty("java.class.path"), jar), Main.class.getClassLoader());
        if (!connector.isEmpty() && base != null) {
            trace.mark("bundle jars on the class path, connected: " + connector.size());
        }
        FrameworkRunner runner = new FrameworkRunner(launch, System.err, trace, connector);
        // Felix initialises on a thread of its own while the bundles are readied here
        java.util.concurrent.CompletableFuture<org.osgi.framework.launch.Framework> framework =
                runner.initInBackground(storage);
        Map<String, Path> files = null;
        BundleCache cache = null;
        if (base != null) {
            try {
                // kept until the end of the run: it holds the folder's lock
                cache = new BundleCache(jar, base, launch.bundles(), trace);
                files = cache.prepare();
            } catch (IOException | UncheckedIOException e) {
                System.err.println("eventflux: warning: cannot use the bundle cache " + base + " (" + e
                        + "); installing the bundles from the jar");
                base = null;
            }
        }
        trace.mark("bundle cache ready");
        OnDemandIndex index = null;
        if (files != null && !"off".equalsIgnoreCase(System.getProperty(ON_DEMAND))) {
            Path dir = files.values().iterator().next().getParent();
            index = OnDemandIndex.loadOrNull(dir, files, launch, trace);
        }
        if (storageRoot != null) {
            removeStaleStorage(storageRoot);
            if (!storageRoot.equals(base) && base != null) {
                removeStaleStorage(base); // of runs that kept it there
            }
        }
        Map<String, Path> bundles = files;
        java.util.Set<String> deferred = new java.util.HashSet<>();
        if (index != null) {
            deferred.addAll(index.deferred());
            if (args.length > 0 && java.util.Set.of("run", "replay", "validate", "config").contains(args[0])) {
                deferred.addAll(index.serverOnly());
            } else if (args.length > 0 && "shell".equals(args[0]) && !java.util.Arrays.stream(args)
                    .anyMatch(a -> a.equals("--port") || a.startsWith("--port=") || a.equals("--host") || a.startsWith("--host="))) {
                // the console without the management API (Jetty, Prometheus), unless asked for with --port or --host
                deferred.addAll(index.serverOnly());
                deferred.removeAll(index.console());
            }
            if (args.length > 0 && FrameworkRunner.COMPILE_AT_ONCE.contains(args[0])) {
                // the app's own extensions come with the core, in one install and resolve pass, and cron-utils
                // when it has a cron trigger
                String sql = AppExtensions.sqlOf(args);
                Set<String> named = AppExtensions.paths(sql, index.properties());
                boolean console = "shell".equals(args[0]); // its console deploys apps later
                if (console || AppExtensions.mentionsCron(sql)) {
                    named.addAll(index.triggers());
                }
                if (console || readsConfigFile(args)) {
                    named.addAll(index.configFormats());
                }
                deferred.removeAll(named);
                trace.mark("installed at boot for the app: " + named);
            } else if (args.length > 0 && "server".equals(args[0])) {
                // apps deployed later may declare cron triggers, which the engine and compiler evaluate with it;
                // the server reads its home's configuration file
                deferred.removeAll(index.triggers());
                deferred.removeAll(index.configFormats());
            }
        }
        if (index != null) {
            // for the launcher bundle (OnDemandBundles): the framework answers a property it was not given from
            // the system properties, and it was created before the index was read
            System.setProperty(ON_DEMAND_INDEX,
                    files.values().iterator().next().getParent().resolve(OnDemandIndex.FILE).toString());
        } else {
            System.clearProperty(ON_DEMAND_INDEX);
        }
        String coreList = System.getProperty(CoreClassPath.PROPERTY);
        if (coreList != null && index != null && connector.isEmpty() && args.length > 0
                && CoreClassPath.COMMANDS.contains(args[0]) && !Files.exists(Path.of(coreList))) {
            // for the launcher script's next runs (this one is not connected)
            try {
                CoreClassPath.write(Path.of(coreList), CoreClassPath.jars(launch.bundles(), files, index));
            } catch (IOException | RuntimeException e) {
                System.err.println("eventflux: warning: cannot write the class path list " + coreList + ": " + e);
            }
        }
        if (!framework.isDone() && !"off".equalsIgnoreCase(System.getProperty(WARM_UP))) {
            JdkWarmUp.run();
        }
        try {
            return runner.run(args, framework,
                    path -> bundles == null ? null : connector.location(bundles.get(path)),
                    loader::getResourceAsStream, deferred);
        } finally {
            BundleCache.deleteTree(storage);
            if (cache != null) {
                cache.close();
            }
        }
    }

    /**
     * Whether the command will read a configuration file: {@code --config FILE}, or one of the default files
     * ({@code ConfigLoader.DEFAULT_FILES} in the launcher bundle) under the working directory.
     */
    static boolean readsConfigFile(String[] args) {
        for (String a : args) {
            if (a.equals("--config") || a.startsWith("--config=")) {
                return true;
            }
        }
        for (String file : DEFAULT_CONFIG_FILES) {
            if (Files.exists(Path.of(file))) {
                return true;
            }
        }
        return false;
    }

    /** The jar this class was loaded from, or null (run from a class folder). */
    private static Path jar() {
        try {
            CodeSource source = Main.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) ? path : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static Path cacheBase() {
        String explicit = System.getProperty(CACHE_DIR);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path preferred = xdg != null && !xdg.isBlank() ? Path.of(xdg, "eventflux")
                : Path.of(System.getProperty("user.home"), ".cache", "eventflux");
        if (writable(preferred)) {
            return preferred;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "eventflux-" + System.getProperty("user.name"));
    }

    /**
     * Where the per-process framework storage goes: {@code -Deventflux.storage.dir}, else a folder in
     * {@code /dev/shm} (a RAM file system: the storage lives only as long as the process, and Felix writes a
     * few small records per bundle at every start, which cost 40% of installing a bundle on a disk), else the
     * bundle folder's parent.
     */
    private static Path storageRoot(Path base) {
        String explicit = System.getProperty(STORAGE_DIR);
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit).toAbsolutePath();
            return writable(dir) ? dir : base;
        }
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm)) {
            Path dir = shm.resolve("eventflux-" + System.getProperty("user.name"));
            if (writable(dir)) {
                return dir;
            }
        }
        return base;
    }

    private static boolean writable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The framework storage of processes that ended without removing it (SIGKILL). */
    private static void removeStaleStorage(Path base) {
        try (Stream<Path> children = Files.list(base)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith("run-")) {
                    try {
                        long pid = Long.parseLong(name.substring(4));
                        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                            continue;
                        }
                    } catch (NumberFormatException e) {
                        // not one of ours
                        continue;
                    }
                    BundleCache.deleteTree(child);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
