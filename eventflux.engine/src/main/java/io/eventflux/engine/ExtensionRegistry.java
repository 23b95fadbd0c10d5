package io.eventflux.engine;

import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.SinkFactory;
import io.eventflux.api.io.SourceFactory;
import io.eventflux.api.store.PersistenceStoreFactory;
import io.eventflux.api.store.TableStoreFactory;
import io.eventflux.api.window.WindowConditions;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.engine.internal.window.SqlWindowConditions;
import io.eventflux.sql.Catalog;
import io.eventflux.sql.SqlCompiler;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The extensions (factories) the engine can use, by type and name. Names and aliases are looked up
 * ignoring case; when two factories claim a name, the one added first wins until it is removed.
 *
 * <p>Factories arrive from the OSGi service registry (the engine's DS component passes each service with
 * its properties {@code eventflux.extension.name}, {@code aliases}, {@code description}, {@code parameters})
 * or, outside OSGi, from {@link java.util.ServiceLoader} with the values of the factory class's
 * {@link Extension} annotation.
 *
 * <p>Thread-safe: reads are lock-free on immutable snapshots (copy-on-write); listeners are told after
 * every change, on the thread that made it. It is the {@link Catalog} the SQL compiler resolves against.
 */
public final class ExtensionRegistry implements Catalog {
    private static final System.Logger LOG = System.getLogger(ExtensionRegistry.class.getName());

    /** Service property: the extension type (window, aggregator, ...). */
    public static final String TYPE = Extension.PREFIX_ + "type";
    /** Service property: the name apps use. */
    public static final String NAME = Extension.PREFIX_ + "name";
    /** Service property: other names (String, String[] or Collection). */
    public static final String ALIASES = Extension.PREFIX_ + "aliases";
    /** Service property: one line of help. */
    public static final String DESCRIPTION = Extension.PREFIX_ + "description";
    /** Service property: one entry per parameter. */
    public static final String PARAMETERS = Extension.PREFIX_ + "parameters";
    /** Optional property: who provides it (a bundle symbolic name); defaults to the factory's class name. */
    public static final String PROVIDER = Extension.PREFIX_ + "provider";
    /**
     * Optional property {@code "true"}: a stand-in for an extension whose bundle is not installed yet (the
     * launcher installs it on the first lookup and the stand-in then gives the bundle's own factory). Once the
     * bundle's own service is there too, {@link #extensions()} lists that one only.
     */
    public static final String STAND_IN = Extension.PREFIX_ + "standin";

    private static final Map<String, Class<?>> TYPES = Map.of(
            Extension.WINDOW, WindowFactory.class,
            Extension.AGGREGATOR, AggregatorFactory.class,
            Extension.FUNCTION, FunctionFactory.class,
            Extension.SOURCE, SourceFactory.class,
            Extension.SINK, SinkFactory.class,
            Extension.MAPPER, MapperFactory.class,
            Extension.TABLE_STORE, TableStoreFactory.class,
            Extension.PERSISTENCE_STORE, PersistenceStoreFactory.class);

    /**
     * One registration: {@code key} is what {@link #remove} matches (the factory itself, or the handle a
     * lazy registration gave); {@code source} makes the factory, once.
     */
    private record Entry(String type, Object key, FactorySource source, ExtensionInfo info, boolean standIn) {
        Object factory() {
            return source.get();
        }
    }

    /** The factory of an entry: given, or made on first use and kept (null while it cannot be had). */
    private static final class FactorySource {
        private final Class<?> iface;
        private final Supplier<?> supplier;
        private volatile Object factory;

        FactorySource(Class<?> iface, Object factory, Supplier<?> supplier) {
            this.iface = iface;
            this.factory = factory;
            this.supplier = supplier;
        }

        Object get() {
            Object f = factory;
            if (f == null && supplier != null) {
                synchronized (this) {
                    f = factory;
                    if (f == null) {
                        f = supplier.get();
                        if (f != null && !iface.isInstance(f)) {
                            throw new IllegalStateException(f.getClass().getName() + " is not a " + iface.getSimpleName());
                        }
                        factory = f;
                    }
                }
            }
            return f;
        }
    }

    private final Object writeLock = new Object();
    private volatile List<Entry> entries = List.of();
    /** type -> lower-case name or alias -> entry. */
    private volatile Map<String, Map<String, Entry>> index = Map.of();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** The factory interface of each extension type ("window" -> WindowFactory.class, ...). */
    public static Map<String, Class<?>> factoryTypes() {
        return TYPES;
    }

    /**
     * Adds a factory described by service properties. The type comes from {@code eventflux.extension.type}
     * or, when absent, from the factory interface it implements.
     *
     * @throws IllegalArgumentException without a name, or when the factory does not implement its type
     */
    public void add(Object factory, Map<String, ?> properties) {
        add(typeOf(factory, properties), factory, properties);
    }

    /**
     * Adds a factory of a known type (what a DS reference of that type received).
     *
     * @throws IllegalArgumentException without a name, or when the factory does not implement its type
     */
    public void add(String type, Object factory, Map<String, ?> properties) {
        Class<?> iface = TYPES.get(type);
        if (iface == null) {
            throw new IllegalArgumentException("unknown extension type '" + type + "'; types: " + new TreeSet<>(TYPES.keySet()));
        }
        if (!iface.isInstance(factory)) {
            throw new IllegalArgumentException(factory.getClass().getName() + " is not a " + iface.getSimpleName());
        }
        String provider = string(properties.get(PROVIDER));
        ExtensionInfo info = info(type, properties, factory.getClass().getName(),
                provider == null ? factory.getClass().getName() : provider);
        append(new Entry(type, factory, new FactorySource(iface, factory, null), info, false));
    }

    /**
     * Adds a factory that is made on first use (what the OSGi whiteboard passes: the service properties are
     * enough to list and find it, so start-up activates no extension component). {@code key} is what
     * {@link #remove} takes; {@code factory} is asked once, on the first lookup that returns this entry, and
     * may give null while the factory cannot be had (the lookup then finds nothing).
     *
     * @throws IllegalArgumentException for an unknown type or without a name, or without
     *         {@code eventflux.extension.provider}
     */
    public void addLazily(String type, Object key, Supplier<?> factory, Map<String, ?> properties) {
        Class<?> iface = TYPES.get(type);
        if (iface == null) {
            throw new IllegalArgumentException("unknown extension type '" + type + "'; types: " + new TreeSet<>(TYPES.keySet()));
        }
        String provider = string(properties.get(PROVIDER));
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException(key + " has no " + PROVIDER);
        }
        append(new Entry(type, key, new FactorySource(iface, null, factory), info(type, properties, String.valueOf(key), provider),
                "true".equals(string(properties.get(STAND_IN)))));
    }

    private static ExtensionInfo info(String type, Map<String, ?> properties, String what, String provider) {
        String name = string(properties.get(NAME));
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " has no " + NAME);
        }
        return new ExtensionInfo(type, name, strings(properties.get(ALIASES)),
                string(properties.get(DESCRIPTION)) == null ? "" : string(properties.get(DESCRIPTION)),
                strings(properties.get(PARAMETERS)), provider);
    }

    private void append(Entry entry) {
        synchronized (writeLock) {
            List<Entry> next = new ArrayList<>(entries);
            next.add(entry);
            publish(next);
        }
        notifyListeners();
    }

    /** Adds a factory described by its {@link Extension} annotation (the ServiceLoader path). */
    public void add(Object factory, Extension annotation) {
        add(annotation.type(), factory, properties(annotation));
    }

    /** The service properties an {@link Extension} annotation stands for. */
    public static Map<String, Object> properties(Extension annotation) {
        Map<String, Object> props = new HashMap<>();
        props.put(TYPE, annotation.type());
        props.put(NAME, annotation.name());
        props.put(ALIASES, annotation.aliases());
        props.put(DESCRIPTION, annotation.description());
        props.put(PARAMETERS, annotation.parameters());
        return props;
    }

    /** Removes every registration of this factory object (or lazy registration's key); returns whether there was one. */
    public boolean remove(Object factory) {
        boolean removed;
        synchronized (writeLock) {
            List<Entry> next = new ArrayList<>(entries);
            removed = next.removeIf(e -> e.key() == factory);
            if (removed) {
                publish(next);
            }
        }
        if (removed) {
            notifyListeners();
        }
        return removed;
    }

    private void publish(List<Entry> next) {
        Map<String, Map<String, Entry>> idx = new HashMap<>();
        // a bundle's own factory before a stand-in of the same name (see STAND_IN), else the first added
        for (boolean standIns : new boolean[] {false, true}) {
            for (Entry e : next) {
                if (e.standIn() != standIns) {
                    continue;
                }
                Map<String, Entry> byName = idx.computeIfAbsent(e.type(), t -> new HashMap<>());
                byName.putIfAbsent(key(e.info().name()), e);
                for (String alias : e.info().aliases()) {
                    byName.putIfAbsent(key(alias), e);
                }
            }
        }
        idx.replaceAll((t, m) -> Map.copyOf(m));
        entries = List.copyOf(next);
        index = Map.copyOf(idx);
    }

    private void notifyListeners() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "extension listener failed", e);
            }
        }
    }

    /** Calls {@code listener} after every change (for apps waiting for extensions). Close to remove. */
    public AutoCloseable addListener(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Every extension, in the order added (a stand-in only while its bundle's own service is not there). */
    public List<ExtensionInfo> extensions() {
        List<Entry> all = entries;
        Set<String> own = new java.util.HashSet<>();
        for (Entry e : all) {
            if (!e.standIn()) {
                own.add(e.type() + ":" + key(e.info().name()));
            }
        }
        return all.stream().filter(e -> !e.standIn() || !own.contains(e.type() + ":" + key(e.info().name())))
                .map(Entry::info).toList();
    }

    /** The factory of a type by name or alias (ignoring case). */
    public <T> Optional<T> find(String type, String name, Class<T> factoryType) {
        if (name == null) {
            return Optional.empty();
        }
        Map<String, Entry> byName = index.getOrDefault(type, Map.of());
        Entry e = byName.get(key(name));
        return e == null ? Optional.empty() : Optional.ofNullable(factoryType.cast(e.factory()));
    }

    /**
     * The {@code @Extension} parameter entries of the extension of {@code type} named {@code name} (or an
     * alias, ignoring case); empty when there is none. The compiler shows them when a call does not fit.
     *
     * @since 1.4
     */
    @Override
    public List<String> parameters(String type, String name) {
        Entry e = name == null ? null : index.getOrDefault(type, Map.of()).get(key(name));
        return e == null ? List.of() : e.info().parameters();
    }

    /** The names and aliases of one type, sorted (for messages and suggestions). */
    public Set<String> names(String type) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Entry e : entries) {
            if (e.type().equals(type)) {
                out.add(e.info().name());
                out.addAll(e.info().aliases());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    public Optional<SourceFactory> source(String name) {
        return find(Extension.SOURCE, name, SourceFactory.class);
    }

    public Optional<SinkFactory> sink(String name) {
        return find(Extension.SINK, name, SinkFactory.class);
    }

    public Optional<MapperFactory> mapper(String name) {
        return find(Extension.MAPPER, name, MapperFactory.class);
    }

    public Optional<TableStoreFactory> tableStore(String name) {
        return find(Extension.TABLE_STORE, name, TableStoreFactory.class);
    }

    public Optional<PersistenceStoreFactory> persistenceStore(String name) {
        return find(Extension.PERSISTENCE_STORE, name, PersistenceStoreFactory.class);
    }

    // ---- Catalog

    @Override
    public Optional<WindowFactory> window(String name) {
        return find(Extension.WINDOW, name, WindowFactory.class);
    }

    @Override
    public Set<String> windowNames() {
        return names(Extension.WINDOW);
    }

    @Override
    public Optional<AggregatorFactory> aggregator(String name) {
        return find(Extension.AGGREGATOR, name, AggregatorFactory.class);
    }

    @Override
    public Set<String> aggregatorNames() {
        return names(Extension.AGGREGATOR);
    }

    /** Function libraries by library name; the map's lookups ignore case. */
    @Override
    public Map<String, FunctionFactory> functionLibraries() {
        Map<String, FunctionFactory> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Entry e : entries) {
            if (e.type().equals(Extension.FUNCTION) && !out.containsKey(e.info().name())) {
                FunctionFactory f = (FunctionFactory) e.factory();
                if (f != null) {
                    out.put(e.info().name(), f);
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Conditions are typed by the SQL compiler over this registry and run by the engine's executors. */
    @Override
    public Optional<WindowConditions> windowConditions(StreamSchema input) {
        return Optional.of(new SqlWindowConditions(new SqlCompiler(this), input));
    }

    // ---- helpers

    private static String typeOf(Object factory, Map<String, ?> properties) {
        String type = string(properties.get(TYPE));
        if (type != null) {
            return type;
        }
        Map<String, Class<?>> ordered = new LinkedHashMap<>(TYPES);
        for (Map.Entry<String, Class<?>> e : ordered.entrySet()) {
            if (e.getValue().isInstance(factory)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException(factory.getClass().getName() + " implements no extension factory interface");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String string(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String[] a) {
            return a.length == 0 ? null : a[0];
        }
        if (v instanceof Collection<?> c) {
            return c.isEmpty() ? null : String.valueOf(c.iterator().next());
        }
        return String.valueOf(v);
    }

    private static List<String> strings(Object v) {
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v instanceof String[] a) {
            out.addAll(Arrays.asList(a));
        } else if (v instanceof Collection<?> c) {
            c.forEach(x -> out.add(String.valueOf(x)));
        } else {
            out.add(String.valueOf(v));
        }
        out.removeIf(s -> s == null || s.isBlank());
        return out;
    }
}
