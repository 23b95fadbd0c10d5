package io.eventflux.engine.internal.app;

import io.eventflux.api.DeployOptions;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.SnapshotParticipant;
import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.PersistenceStoreFactory;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.engine.internal.io.SnapshotParticipants;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.TableDef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * An app's snapshots in a persistence store: restore on start, periodic snapshots, a last one at a graceful
 * shutdown.
 *
 * <p>Where the options come from: {@code persistence.*} keys of the SQL's {@code @app:persistence(...)}
 * annotation override those of the configuration file's {@code [application]} table (where the launcher
 * also puts {@code --state DIR} and its {@code [persistence]} table). No {@link DeployOptions} component
 * was added: records' components are part of their callers' source. Keys: {@code persistence.store}
 * (default {@code file} when {@code persistence.dir} is set; absent both, the app is not persisted),
 * {@code persistence.interval} (a duration, default 30 seconds; 0 turns periodic snapshots off); every
 * other {@code persistence.X} key goes to the store factory as {@code X} (the file store reads {@code dir}
 * and {@code keep}).
 *
 * <p>A stored snapshot is JDK serialization of a header (format version, app name, fingerprint of the
 * app's plan) and the state map. A snapshot whose fingerprint differs (another version of the app) is
 * refused before anything is restored; one the store cannot read (checksum) is skipped for the revision
 * before it, with the reason logged.
 */
final class AppPersistence {
    private static final System.Logger LOG = System.getLogger(AppPersistence.class.getName());
    static final String PREFIX = "persistence.";
    static final String STORE = PREFIX + "store";
    static final String DIR = PREFIX + "dir";
    static final String INTERVAL = PREFIX + "interval";
    static final long DEFAULT_INTERVAL_MILLIS = 30_000;
    private static final String MAGIC = "eventflux-snapshot";
    static final int FORMAT = 1;

    private final String app;
    private final String storeName;
    private final Map<String, String> storeOptions;
    private final long intervalMillis;
    private final LongSupplier wallTime;
    private PersistenceStore store;
    private long lastRevision;

    private AppPersistence(String app, String storeName, Map<String, String> storeOptions, long intervalMillis,
            LongSupplier wallTime) {
        this.app = app;
        this.storeName = storeName;
        this.storeOptions = storeOptions;
        this.intervalMillis = intervalMillis;
        this.wallTime = wallTime;
    }

    /** The app's persistence settings, or empty when it is not persisted. */
    static Optional<AppPersistence> of(String app, AppPlan plan, DeployOptions options, LongSupplier wallTime) {
        Map<String, String> merged = new LinkedHashMap<>();
        options.config().application().forEach((k, v) -> {
            if (k.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                merged.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        plan.options().forEach((k, v) -> {
            if (k.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                merged.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        String store = merged.get(STORE);
        if (store == null || store.isBlank()) {
            if (merged.get(DIR) == null || merged.get(DIR).isBlank()) {
                return Optional.empty();
            }
            store = "file";
        }
        if (store.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        long interval = duration(app, merged.get(INTERVAL));
        Map<String, String> storeOptions = new LinkedHashMap<>();
        merged.forEach((k, v) -> {
            if (!k.equals(STORE) && !k.equals(INTERVAL)) {
                storeOptions.put(k.substring(PREFIX.length()), v);
            }
        });
        return Optional.of(new AppPersistence(app, store.trim(), Map.copyOf(storeOptions), interval, wallTime));
    }

    private static long duration(String app, String v) {
        if (v == null || v.isBlank()) {
            return DEFAULT_INTERVAL_MILLIS;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        try {
            double n = Double.parseDouble(t.substring(0, i));
            long factor = switch (t.substring(i).trim()) {
                case "", "ms", "millis", "millisecond", "milliseconds" -> 1L;
                case "s", "sec", "second", "seconds" -> 1000L;
                case "m", "min", "minute", "minutes" -> 60_000L;
                case "h", "hour", "hours" -> 3_600_000L;
                default -> throw new NumberFormatException(t);
            };
            return Math.round(n * factor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("app '" + app + "': option '" + INTERVAL
                    + "' must be a duration such as '30 seconds' or '5 min', was '" + v + "'");
        }
    }

    /** {@code persistence-store:NAME} when the store's bundle is not there (the app waits for it). */
    Optional<String> missing(ExtensionRegistry registry) {
        return registry.persistenceStore(storeName).isPresent() ? Optional.empty()
                : Optional.of(Extension.PERSISTENCE_STORE + ":" + storeName);
    }

    /** The use of the store's factory, so that the app restarts when the store bundle changes. */
    ExtensionUse use(ExtensionRegistry registry) {
        return new ExtensionUse(Extension.PERSISTENCE_STORE, storeName, factory(registry));
    }

    private PersistenceStoreFactory factory(ExtensionRegistry registry) {
        return registry.persistenceStore(storeName).orElseThrow(() -> new IllegalStateException("app '" + app
                + "': persistence store '" + storeName + "' is not installed"));
    }

    /** Opens the store (once per start: an updated store bundle is picked up). */
    void open(ExtensionRegistry registry) {
        try {
            store = factory(registry).create(storeOptions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("app '" + app + "': " + e.getMessage(), e);
        }
    }

    long intervalMillis() {
        return intervalMillis;
    }

    /**
     * The newest readable snapshot of this app, or empty when there is none. A revision the store cannot
     * read is logged and the one before it tried.
     *
     * @throws IllegalStateException when the newest readable snapshot is of another version of the app
     * @param loaders where the classes of the state's values are (the bundles of the extensions used)
     */
    Optional<Map<String, Serializable>> load(AppPlan plan, Set<ClassLoader> loaders) {
        return load(plan, loaders, null);
    }

    /**
     * An app whose connectors only work with snapshots (a transactional sink) and no persistence: refused.
     *
     * @throws IllegalArgumentException naming the connectors and the options to set
     */
    static void refuseUnpersisted(String app, SnapshotParticipants participants) {
        List<String> needing = participants.needingSnapshots();
        if (!needing.isEmpty()) {
            throw new IllegalArgumentException("app '" + app + "': " + String.join(", ", needing) + " commit(s) "
                    + "results only with the app's snapshots, and the app is not persisted: set persistence.dir "
                    + "(or run --state DIR) with a persistence.interval above 0");
        }
    }

    /**
     * Enlists the app's snapshot participants (before the state is loaded); returns the revision their
     * committed results belong to, {@link SnapshotParticipant#NONE}, or null (see {@link SnapshotParticipant#enlist}).
     *
     * @throws IllegalArgumentException when a participant needs periodic snapshots and the interval is 0
     */
    String enlist(SnapshotParticipants participants) {
        List<String> needing = participants.needingSnapshots();
        if (!needing.isEmpty() && intervalMillis <= 0) {
            throw new IllegalArgumentException("app '" + app + "': " + String.join(", ", needing) + " commit(s) "
                    + "results only with the app's snapshots: option '" + INTERVAL + "' must be above 0, was '0'");
        }
        return participants.enlist(app);
    }

    /**
     * {@link #load(AppPlan, Set)} bounded by what the snapshot participants committed: {@code committed} null
     * loads the newest readable revision, {@link SnapshotParticipant#NONE} none (the app starts empty, its
     * sinks committed nothing yet), else exactly that revision (newer ones were saved but their results
     * not committed: a crash between the save and the commit).
     *
     * @throws IllegalStateException when the committed revision is not in the store
     */
    Optional<Map<String, Serializable>> load(AppPlan plan, Set<ClassLoader> loaders, String committed) {
        if (committed != null && committed.isEmpty()) {
            LOG.log(Level.INFO, "app '" + app + "': its sinks committed no snapshot yet; starting empty");
            return Optional.empty();
        }
        List<String> revisions;
        try {
            revisions = new ArrayList<>(store.revisions(app));
        } catch (IOException e) {
            throw new IllegalStateException("app '" + app + "': listing its snapshots in store '" + storeName
                    + "' failed: " + e.getMessage(), e);
        }
        String fingerprint = fingerprint(plan);
        if (committed != null) {
            if (!revisions.contains(committed)) {
                throw new IllegalStateException("app '" + app + "': its sinks committed the results of snapshot "
                        + "revision " + committed + ", which is not in store '" + storeName + "' (revisions "
                        + revisions + "); refused, nothing restored");
            }
            List<String> newer = revisions.subList(revisions.indexOf(committed) + 1, revisions.size());
            if (!newer.isEmpty()) {
                LOG.log(Level.WARNING, "app '" + app + "': snapshot revision(s) " + newer + " were saved but their "
                        + "results never committed (the app stopped in between); restoring revision " + committed);
            }
            revisions = List.of(committed);
        }
        for (int i = revisions.size() - 1; i >= 0; i--) {
            String revision = revisions.get(i);
            byte[] bytes;
            Snapshot s;
            try {
                Optional<byte[]> b = store.load(app, revision);
                if (b.isEmpty()) {
                    if (committed != null) {
                        throw new IOException("the store no longer has it");
                    }
                    continue;
                }
                bytes = b.get();
                s = decode(bytes, loaders);
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                if (committed != null) {
                    throw new IllegalStateException("app '" + app + "': snapshot revision " + revision + ", whose "
                            + "results its sinks committed, cannot be read: " + e.getMessage(), e);
                }
                LOG.log(Level.ERROR, "app '" + app + "': snapshot revision " + revision + " cannot be read ("
                        + e.getMessage() + "); trying the revision before it");
                continue;
            }
            if (!s.app().equals(app)) {
                throw new IllegalStateException("app '" + app + "': snapshot revision " + revision
                        + " is of app '" + s.app() + "'; refused");
            }
            if (!s.fingerprint().equals(fingerprint)) {
                throw new IllegalStateException("app '" + app + "': snapshot revision " + revision + " in store '"
                        + storeName + "' was taken from another version of the app (its queries or streams "
                        + "changed); refused, nothing restored. Remove the app's snapshots or use another "
                        + "persistence.dir to start it empty");
            }
            noteRevision(revision);
            LOG.log(Level.INFO, "app '" + app + "': restoring snapshot revision " + revision);
            return Optional.of(s.state());
        }
        return Optional.empty();
    }

    /** Saves a snapshot as a new revision; returns the revision. */
    synchronized String save(AppPlan plan, Map<String, Serializable> state) throws IOException {
        long r = Math.max(wallTime.getAsLong(), lastRevision + 1);
        lastRevision = r;
        String revision = String.format(Locale.ROOT, "%015d", r);
        store.save(app, revision, encode(app, fingerprint(plan), state));
        return revision;
    }

    private synchronized void noteRevision(String revision) {
        try {
            lastRevision = Math.max(lastRevision, Long.parseLong(revision));
        } catch (NumberFormatException e) {
            // a revision not named by this class: order by time from now on
        }
    }

    /** The stored form of a snapshot. */
    record Snapshot(int format, String app, String fingerprint, Map<String, Serializable> state) {
    }

    static byte[] encode(String app, String fingerprint, Map<String, Serializable> state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(app);
            out.writeUTF(fingerprint);
            out.writeObject(new LinkedHashMap<>(state));
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static Snapshot decode(byte[] bytes, Set<ClassLoader> loaders) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loaders)) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException("not an EventFlux app snapshot");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("snapshot format " + format + " (this engine reads " + FORMAT + ")");
            }
            String app = in.readUTF();
            String fingerprint = in.readUTF();
            Map<String, Serializable> state = (Map<String, Serializable>) in.readObject();
            return new Snapshot(format, app, fingerprint, state);
        }
    }

    /**
     * SHA-256 over what shapes the state: stream schemas, queries, tables, partitions, triggers. Plans are
     * records of lists, so their text is stable across JVMs; maps (options, whose order is not) are left out,
     * so a changed connector option or persistence setting keeps the state.
     */
    static String fingerprint(AppPlan plan) {
        StringBuilder b = new StringBuilder();
        for (StreamDef s : plan.streams()) {
            b.append(s.schema()).append('\n');
        }
        b.append(plan.queries()).append('\n');
        for (TableDef t : plan.tables()) {
            b.append(t.schema()).append(t.primaryKey()).append(t.indexes()).append('\n');
        }
        b.append(plan.tableWrites()).append('\n').append(plan.partitions()).append('\n').append(plan.triggers());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /** The class loaders of the extensions a run uses, then the engine's. */
    static Set<ClassLoader> loaders(List<ExtensionUse> uses) {
        Set<ClassLoader> out = new LinkedHashSet<>();
        for (ExtensionUse u : uses) {
            ClassLoader l = u.factory().getClass().getClassLoader();
            if (l != null) {
                out.add(l);
            }
        }
        out.add(AppPersistence.class.getClassLoader());
        return out;
    }

    /** Resolves classes in the bundles of the app's extensions (in OSGi the engine cannot see them). */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final Set<ClassLoader> loaders;

        LoaderObjectInputStream(InputStream in, Set<ClassLoader> loaders) throws IOException {
            super(in);
            this.loaders = loaders;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            for (ClassLoader l : loaders) {
                try {
                    return Class.forName(desc.getName(), false, l);
                } catch (ClassNotFoundException e) {
                    // next
                }
            }
            return super.resolveClass(desc);
        }
    }
}
