package io.eventflux.launcher.internal;

import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.SinkFactory;
import io.eventflux.api.io.SourceFactory;
import io.eventflux.api.store.PersistenceStoreFactory;
import io.eventflux.api.store.TableStoreFactory;
import io.eventflux.api.window.WindowFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The extension bundles the launcher did not install at boot ({@code eventflux.ondemand.index}, written by
 * the boot code's {@code OnDemandIndex}), installed when an app first needs one of their extensions.
 *
 * <p>For each extension of such a bundle a stand-in service is registered with the same interfaces and
 * {@code eventflux.extension.*} properties as the bundle's own component (plus
 * {@code eventflux.extension.standin=true} and the bundle as {@code eventflux.extension.provider}), so the
 * engine's registry lists it with its parameter docs, suggests its name and finds it exactly as before. The
 * registry gets a factory on its first lookup: the stand-in (a {@link ServiceFactory}) then installs the
 * bundle's group (it and the on-demand bundles it imports from) on the calling thread, unless a service of
 * that name is there already (the bundle dropped into deploy/), and answers with the bundle's own factory
 * service, which this class holds (a DS singleton: the engine gets the same object from the bundle's own
 * service, so an app compiled through the stand-in sees no change). The stand-in stays registered (the
 * registry lists the bundle's own service instead) until that service goes (the bundle stops or is
 * updated): the stand-in is then withdrawn with it, so the apps using it are suspended as with any bundle.
 *
 * <p>Nothing here unregisters a service on another thread while an app is being deployed: the engine
 * handles registry changes under the app's lock, and the deploying thread (inside the stand-in) holds it.
 */
final class OnDemandBundles implements AutoCloseable {
    static final String INDEX_PROPERTY = "eventflux.ondemand.index";
    /** The engine's ExtensionRegistry.STAND_IN. */
    static final String STAND_IN = Extension.PREFIX_ + "standin";
    private static final String NAME = Extension.PREFIX_ + "name";
    private static final long INSTALL_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** The factory interfaces, so that this bundle is wired to the same API packages as the engine. */
    private static final List<Class<?>> FACTORIES = List.of(WindowFactory.class, AggregatorFactory.class, FunctionFactory.class,
            SourceFactory.class, SinkFactory.class, MapperFactory.class, TableStoreFactory.class,
            PersistenceStoreFactory.class);

    private final BundleContext context;
    private final Path dir;
    private final Properties index;
    private final PrintStream err;
    private final ReentrantLock installing = new ReentrantLock();
    private final Map<String, List<StandIn>> byName = new ConcurrentHashMap<>();
    private final Map<ServiceReference<?>, Object> held = new ConcurrentHashMap<>();
    private final ServiceListener listener = this::serviceChanged;
    private volatile boolean closed;

    private OnDemandBundles(BundleContext context, Path indexFile, Properties index, PrintStream err) {
        this.context = context;
        this.dir = indexFile.getParent();
        this.index = index;
        this.err = err;
    }

    /** Registers the stand-ins of the index named by the framework property, or returns null without one. */
    static OnDemandBundles open(BundleContext context, PrintStream err) {
        String file = context.getProperty(INDEX_PROPERTY);
        if (file == null || file.isBlank()) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            p.load(in);
        } catch (IOException e) {
            err.println("eventflux: warning: cannot read " + file + " (" + e + "): the bundles not installed at boot"
                    + " are missing");
            return null;
        }
        OnDemandBundles bundles = new OnDemandBundles(context, Path.of(file), p, err);
        bundles.registerStandIns();
        return bundles;
    }

    private void registerStandIns() {
        try {
            context.addServiceListener(listener, "(&(" + NAME + "=*)(!(" + STAND_IN + "=true)))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<String> installedBsns = new java.util.HashSet<>();
        for (Bundle b : context.getBundles()) {
            installedBsns.add(b.getSymbolicName());
        }
        int count = Integer.parseInt(index.getProperty("ext.count", "0"));
        Map<Integer, Hashtable<String, Object>> properties = standInProperties(count);
        for (int i = 0; i < count; i++) {
            String prefix = "ext." + i + ".";
            String bsn = index.getProperty(prefix + "bsn");
            if (installedBsns.contains(bsn)) {
                continue; // there already (dropped into deploy/): its own services stand for it
            }
            Hashtable<String, Object> props = properties.getOrDefault(i, new Hashtable<>());
            props.put(Extension.PREFIX_ + "provider", bsn);
            props.put(STAND_IN, "true");
            String[] interfaces = index.getProperty(prefix + "objectClass").split(",");
            if (!List.of(interfaces).stream().allMatch(c -> FACTORIES.stream().anyMatch(f -> f.getName().equals(c)))) {
                err.println("eventflux: warning: " + bsn + " registers " + List.of(interfaces) + ": installed at once");
                install(index.getProperty(prefix + "path"));
                continue;
            }
            StandIn standIn = new StandIn(index.getProperty(prefix + "path"), interfaces, (String) props.get(NAME));
            byName.computeIfAbsent(key(standIn.name), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(standIn);
            standIn.registration = context.registerService(interfaces, standIn, props);
        }
    }

    /**
     * The service properties of every extension of the index ({@code ext.N.s.KEY}: a string, {@code ext.N.a.KEY}:
     * an array, one value a line), by N: one pass over the index's keys, not one per extension.
     */
    private Map<Integer, Hashtable<String, Object>> standInProperties(int count) {
        Map<Integer, Hashtable<String, Object>> out = new java.util.HashMap<>();
        for (String key : index.stringPropertyNames()) {
            if (!key.startsWith("ext.")) {
                continue;
            }
            int dot = key.indexOf('.', 4);
            if (dot < 0 || key.length() < dot + 3 || key.charAt(dot + 2) != '.'
                    || (key.charAt(dot + 1) != 's' && key.charAt(dot + 1) != 'a')) {
                continue;
            }
            int n;
            try {
                n = Integer.parseInt(key.substring(4, dot));
            } catch (NumberFormatException e) {
                continue;
            }
            if (n < 0 || n >= count) {
                continue;
            }
            String v = index.getProperty(key);
            Object value = key.charAt(dot + 1) == 's' ? v : v.isEmpty() ? new String[0] : v.split("\n");
            out.computeIfAbsent(n, k -> new Hashtable<>()).put(key.substring(dot + 3), value);
        }
        return out;
    }

    /** A bundle's own extension service that a stand-in gave goes: the stand-ins of its name go with it. */
    private void serviceChanged(ServiceEvent event) {
        ServiceReference<?> ref = event.getServiceReference();
        if (event.getType() != ServiceEvent.UNREGISTERING || held.remove(ref) == null) {
            return;
        }
        if (ref.getProperty(NAME) instanceof String name) {
            List<StandIn> standIns = byName.get(key(name));
            if (standIns != null) {
                List<String> classes = List.of((String[]) ref.getProperty(Constants.OBJECTCLASS));
                for (StandIn s : standIns) {
                    if (List.of(s.interfaces).stream().anyMatch(classes::contains)) {
                        s.withdraw();
                    }
                }
            }
        }
        try {
            context.ungetService(ref);
        } catch (IllegalStateException e) {
            // this bundle is stopping
        }
    }

    /** Installs and starts the group of an on-demand bundle (what is not installed yet), in install order. */
    private void install(String path) {
        List<Bundle> added = new ArrayList<>();
        for (String member : index.getProperty("group." + path, path).split(",")) {
            String location = "reference:" + dir.resolve(index.getProperty("file." + member, member)).toUri();
            if (context.getBundle(location) != null) {
                continue;
            }
            try {
                Bundle bundle = context.installBundle(location);
                int level = Integer.parseInt(index.getProperty("level." + member, "1"));
                bundle.adapt(BundleStartLevel.class).setStartLevel(level);
                added.add(bundle);
            } catch (BundleException | RuntimeException e) {
                err.println("eventflux: cannot install " + location + ": " + e);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        Cli.TRACE.mark("on demand: installing " + added.stream().map(Bundle::getSymbolicName).toList());
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(added);
        for (Bundle bundle : added) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException | RuntimeException e) {
                    err.println("eventflux: bundle " + bundle.getSymbolicName() + " cannot start: " + e);
                }
            }
        }
        Cli.TRACE.mark("on demand: started");
    }

    /** The bundle's own service for a stand-in (the best ranked one), or null while there is none. */
    private Object own(StandIn standIn) {
        String filter = "(&(" + NAME + "=" + escape(standIn.name) + ")(!(" + STAND_IN + "=true)))";
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(standIn.interfaces[0], filter);
            if (refs == null || refs.length == 0) {
                return null;
            }
            java.util.Arrays.sort(refs, java.util.Collections.reverseOrder());
            for (ServiceReference<?> ref : refs) {
                Object service = held.computeIfAbsent(ref, r -> context.getService(r));
                if (service != null) {
                    return service;
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #own} after the group was started: SCR registers the bundle's services as it starts. */
    private Object awaitOwn(StandIn standIn) {
        long deadline = System.nanoTime() + INSTALL_TIMEOUT_NANOS;
        do {
            Object service = own(standIn);
            if (service != null) {
                return service;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        } while (System.nanoTime() < deadline && !closed && frameworkRunning());
        if (closed || !frameworkRunning()) {
            return null; // shutting down: the deploy fails or waits, and no stop waits 30 s for this thread
        }
        err.println("eventflux: the extension '" + standIn.name + "' of " + standIn.path + " did not come up");
        return null;
    }

    /** False once the framework or this bundle is stopping: a bundle installed now would never come up. */
    private boolean frameworkRunning() {
        try {
            return context.getBundle(0).getState() == Bundle.ACTIVE
                    && (context.getBundle().getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0;
        } catch (IllegalStateException e) {
            return false; // the context is no longer valid
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            context.removeServiceListener(listener);
        } catch (IllegalStateException e) {
            // stopping
        }
        byName.values().forEach(list -> list.forEach(StandIn::withdraw));
        for (ServiceReference<?> ref : held.keySet()) {
            try {
                context.ungetService(ref);
            } catch (IllegalStateException e) {
                // stopping
            }
        }
        held.clear();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The stand-in of one extension. */
    private final class StandIn implements ServiceFactory<Object> {
        final String path;
        final String[] interfaces;
        final String name;
        volatile ServiceRegistration<?> registration;

        StandIn(String path, String[] interfaces, String name) {
            this.path = path;
            this.interfaces = interfaces;
            this.name = name;
        }

        @Override
        public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
            if (closed || !frameworkRunning()) {
                return null;
            }
            Object there = own(this);
            if (there != null) {
                return there;
            }
            // asked again from inside an install on this thread (the engine retries a waiting app when the
            // bundle's first service arrives): the bundle may be half started, so no waiting for it; the app
            // waits and starts when the service arrives
            boolean nested = installing.isHeldByCurrentThread();
            try {
                // one group at a time; a bounded wait, so that two deploys waiting on each other cannot hang
                if (!installing.tryLock(INSTALL_TIMEOUT_NANOS, TimeUnit.NANOSECONDS)) {
                    err.println("eventflux: timed out waiting to install " + path);
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            try {
                install(path);
            } finally {
                installing.unlock();
            }
            return nested ? own(this) : awaitOwn(this);
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
            // the bundle's own service stays held (see the class comment)
        }

        void withdraw() {
            ServiceRegistration<?> r = registration;
            registration = null;
            List<StandIn> list = byName.get(key(name));
            if (list != null) {
                list.remove(this);
            }
            if (r != null) {
                try {
                    r.unregister();
                } catch (IllegalStateException e) {
                    // gone already
                }
            }
        }
    }

    /** For tests and messages: the names that still have a stand-in. */
    Set<String> pending() {
        Set<String> out = new java.util.TreeSet<>();
        byName.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.add(k);
            }
        });
        return out;
    }
}
