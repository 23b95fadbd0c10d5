package io.eventflux.engine.internal.app;

import io.eventflux.api.DeployOptions;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.SnapshotParticipant;
import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.PersistenceStoreFactory;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.engine.internal.io.SnapshotParticipants;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.api.management.SnapshotInfo;
import io.eventflux.api.store.RevisionChain;
import java.io.IOException;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
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
 * {@code persistence.interval} (a duration, default 30 seconds; 0 turns periodic snapshots off),
 * {@code persistence.full.every} (a full revision every N, default 10; 1 makes every revision full); every
 * other {@code persistence.X} key goes to the store factory as {@code X} (the file store reads {@code dir}
 * and {@code keep}).
 *
 * <p>A stored revision ({@link SnapshotCodec}) holds the app's name, the fingerprint of its plan and of
 * each query, partition, table, trigger and source ({@link StateFingerprints}), and the state entries;
 * an incremental one ({@link DeltaWriter}) only the pieces that changed since its base. At deploy, the
 * units whose fingerprint did not change get their state back and the others start empty (a redeploy of
 * a changed app); a revision of another app is refused; one the store cannot read (checksum, missing
 * base) is skipped for the revision before it, with the reason logged. A restore into a running app
 * ({@link #loadForRestore}) needs the whole app's fingerprint to match.
 */
final class AppPersistence {
    private static final System.Logger LOG = System.getLogger(AppPersistence.class.getName());
    static final String PREFIX = "persistence.";
    static final String STORE = PREFIX + "store";
    static final String DIR = PREFIX + "dir";
    static final String INTERVAL = PREFIX + "interval";
    static final String FULL_EVERY = PREFIX + "full.every";
    static final long DEFAULT_INTERVAL_MILLIS = 30_000;
    static final int DEFAULT_FULL_EVERY = 10;

    private final String app;
    private final String storeName;
    private final Map<String, String> storeOptions;
    private final long intervalMillis;
    private final LongSupplier wallTime;
    private final DeltaWriter writer;
    private PersistenceStore store;
    private long lastRevision;
    private Set<ClassLoader> loaders = Set.of(AppPersistence.class.getClassLoader());
    /** Revisions never change: their infos by name, so that listing reads each at most once. */
    private final Map<String, SnapshotInfo> infos = new java.util.HashMap<>();

    private AppPersistence(String app, String storeName, Map<String, String> storeOptions, long intervalMillis,
            int fullEvery, LongSupplier wallTime) {
        this.app = app;
        this.storeName = storeName;
        this.storeOptions = storeOptions;
        this.intervalMillis = intervalMillis;
        this.wallTime = wallTime;
        this.writer = new DeltaWriter(fullEvery);
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
        int fullEvery = positive(app, FULL_EVERY, merged.get(FULL_EVERY), DEFAULT_FULL_EVERY);
        Map<String, String> storeOptions = new LinkedHashMap<>();
        merged.forEach((k, v) -> {
            if (!k.equals(STORE) && !k.equals(INTERVAL) && !k.equals(FULL_EVERY)) {
                storeOptions.put(k.substring(PREFIX.length()), v);
            }
        });
        return Optional.of(new AppPersistence(app, store.trim(), Map.copyOf(storeOptions), interval, fullEvery,
                wallTime));
    }

    private static int positive(String app, String key, String v, int otherwise) {
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("app '" + app + "': option '" + key + "' must be a positive integer, was '"
                + v + "'");
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

    /**
     * Opens the store (once per start: an updated store bundle is picked up).
     *
     * @param loaders where the classes of the state's values are (the bundles of the extensions used)
     */
    void open(ExtensionRegistry registry, Set<ClassLoader> loaders) {
        this.loaders = Set.copyOf(loaders);
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
     * What a run of {@code plan} takes from the newest readable revision: the state of the units whose
     * fingerprint did not change.
     *
     * @param revision the revision's name
     * @param state the entries to restore (only those of unchanged units)
     * @param kept the units whose state is restored
     * @param changed the units of the revision whose definition changed (they start empty)
     * @param dropped the units of the revision that the plan no longer has
     */
    record Loaded(String revision, Map<String, Serializable> state, List<String> kept, List<String> changed,
            List<String> dropped) {
    }

    /**
     * The newest readable snapshot of this app, or empty when there is none. A revision the store cannot
     * read (or whose chain is broken) is logged and the one before it tried.
     *
     * @throws IllegalStateException when the newest readable snapshot is of another app, or of another
     *     version of the app taken by an engine that did not record each query's fingerprint
     */
    synchronized Optional<Loaded> load(AppPlan plan) {
        return load(plan, null);
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
     * Enlists the app's snapshot participants (before the state is loaded); returns the revision id their
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
     * {@link #load(AppPlan)} bounded by what the snapshot participants committed: {@code committed} null
     * loads the newest readable revision, {@link SnapshotParticipant#NONE} none (the app starts empty, its
     * sinks committed nothing yet), else exactly the revision of that id (newer ones were saved but their
     * results not committed: a crash between the save and the commit).
     *
     * @throws IllegalStateException when the committed revision is not in the store or cannot be read
     */
    synchronized Optional<Loaded> load(AppPlan plan, String committed) {
        if (committed != null && committed.isEmpty()) {
            LOG.log(Level.INFO, "app '" + app + "': its sinks committed no snapshot yet; starting empty");
            return Optional.empty();
        }
        List<String> revisions = list(store);
        List<String> candidates = committed == null ? revisions : committedOnly(revisions, committed);
        RevisionReader reader = new RevisionReader(store, app, loaders);
        for (int i = candidates.size() - 1; i >= 0; i--) {
            String revision = candidates.get(i);
            RevisionReader.Assembled a;
            try {
                a = reader.read(revision, revisions);
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                if (committed != null) {
                    throw new IllegalStateException("app '" + app + "': snapshot revision " + revision + ", whose "
                            + "results its sinks committed, cannot be read: " + e.getMessage(), e);
                }
                LOG.log(Level.ERROR, "app '" + app + "': snapshot revision " + revision + " cannot be read ("
                        + e.getMessage() + "); trying the revision before it");
                continue;
            }
            SnapshotCodec.Revision s = a.revision();
            if (!s.app().equals(app)) {
                throw new IllegalStateException("app '" + app + "': snapshot revision " + revision
                        + " is of app '" + s.app() + "'; refused");
            }
            boolean same = s.fingerprint().equals(StateFingerprints.app(plan));
            if (!same && s.units().isEmpty()) {
                throw new IllegalStateException("app '" + app + "': snapshot revision " + revision + " in store '"
                        + storeName + "' was taken from another version of the app (its queries or streams "
                        + "changed) by an engine that did not fingerprint each query; refused, nothing restored. "
                        + "Remove the app's snapshots or use another persistence.dir to start it empty");
            }
            noteRevision(revision);
            Loaded loaded = select(revision, s, StateFingerprints.units(plan), same);
            if (same) {
                writer.resumeFrom(revision, s.entries(), a.chainLength());
            }
            LOG.log(Level.INFO, "app '" + app + "': restoring snapshot revision " + revision
                    + (same ? "" : " (a changed version of the app: kept " + loaded.kept() + ", changed "
                            + loaded.changed() + ", no longer there " + loaded.dropped() + ")"));
            return Optional.of(loaded);
        }
        return Optional.empty();
    }

    /** The stored revision of id {@code committed}, as a list of one; newer ones are logged. */
    private List<String> committedOnly(List<String> revisions, String committed) {
        for (int i = 0; i < revisions.size(); i++) {
            if (RevisionChain.id(revisions.get(i)).equals(committed)) {
                List<String> newer = revisions.subList(i + 1, revisions.size());
                if (!newer.isEmpty()) {
                    LOG.log(Level.WARNING, "app '" + app + "': snapshot revision(s) " + newer + " were saved but "
                            + "their results never committed (the app stopped in between); restoring revision "
                            + revisions.get(i));
                }
                return List.of(revisions.get(i));
            }
        }
        throw new IllegalStateException("app '" + app + "': its sinks committed the results of snapshot revision "
                + committed + ", which is not in store '" + storeName + "' (revisions " + revisions
                + "); refused, nothing restored");
    }

    /** The entries of unchanged units (all of them when the whole app is the same version). */
    private Loaded select(String revision, SnapshotCodec.Revision s, Map<String, String> now, boolean same) {
        Map<String, SnapshotCodec.Entry> chosen = new LinkedHashMap<>();
        Set<String> kept = new java.util.LinkedHashSet<>();
        Set<String> changed = new java.util.LinkedHashSet<>();
        Set<String> dropped = new java.util.LinkedHashSet<>();
        Iterable<String> units = s.units().isEmpty() ? now.keySet() : s.units().keySet();
        for (Map.Entry<String, SnapshotCodec.Entry> e : s.entries().entrySet()) {
            String unit = StateFingerprints.owner(e.getKey(), units);
            String name = unit == null ? e.getKey() : unit;
            if (same) {
                chosen.put(e.getKey(), e.getValue());
                kept.add(name);
            } else if (unit == null || !now.containsKey(unit)) {
                dropped.add(name);
            } else if (now.get(unit).equals(s.units().get(unit))) {
                chosen.put(e.getKey(), e.getValue());
                kept.add(unit);
            } else {
                changed.add(unit);
            }
        }
        try {
            return new Loaded(revision, SnapshotCodec.state(chosen, loaders), List.copyOf(kept), List.copyOf(changed),
                    List.copyOf(dropped));
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("app '" + app + "': snapshot revision " + revision + " cannot be read: "
                    + e.getMessage() + "; refused, nothing restored", e);
        }
    }

    /**
     * A revision's whole state, for a restore into the running app.
     *
     * @param revision a revision name or id, or null for the newest
     * @throws IllegalArgumentException for an unknown revision, listing the stored ones
     * @throws IllegalStateException when it is of another version of the app, or unreadable
     */
    synchronized Map.Entry<SnapshotInfo, Map<String, Serializable>> loadForRestore(AppPlan plan, String revision) {
        List<String> revisions = list(store);
        String name = find(revisions, revision);
        try {
            RevisionReader.Assembled a = new RevisionReader(store, app, loaders).read(name, revisions);
            SnapshotCodec.Revision s = a.revision();
            if (!s.app().equals(app) || !s.fingerprint().equals(StateFingerprints.app(plan))) {
                throw new IllegalStateException("app '" + app + "': snapshot revision " + name
                        + " was taken from another version of the app (its queries or streams changed); refused, "
                        + "nothing restored");
            }
            Map<String, Serializable> state = SnapshotCodec.state(s.entries(), loaders);
            return Map.entry(info(name, s, store.load(app, name).map(b -> (long) b.length).orElse(0L)), state);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("app '" + app + "': snapshot revision " + name + " cannot be read: "
                    + e.getMessage() + "; nothing restored", e);
        }
    }

    private String find(List<String> revisions, String revision) {
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("app '" + app + "' has no snapshot revisions in store '" + storeName
                    + "'; take one with snapshot");
        }
        if (revision == null) {
            return revisions.get(revisions.size() - 1);
        }
        return revisions.stream().filter(r -> r.equals(revision) || RevisionChain.id(r).equals(revision)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("app '" + app + "' has no snapshot revision '"
                        + revision + "' in store '" + storeName + "'; stored: " + revisions));
    }

    /** The stored revisions, oldest first (a revision the store cannot read is listed with 0 parts). */
    synchronized List<SnapshotInfo> revisions() {
        List<SnapshotInfo> out = new ArrayList<>();
        List<String> names = list(store);
        infos.keySet().retainAll(names);
        for (String r : names) {
            SnapshotInfo known = infos.get(r);
            if (known != null) {
                out.add(known);
                continue;
            }
            try {
                Optional<byte[]> bytes = store.load(app, r);
                if (bytes.isPresent()) {
                    SnapshotInfo info = info(r, SnapshotCodec.decode(bytes.get(), true, loaders), bytes.get().length);
                    infos.put(r, info);
                    out.add(info);
                }
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                out.add(new SnapshotInfo(app, RevisionChain.id(r), 0, 0, RevisionChain.base(r).orElse(null), 0, true));
            }
        }
        return out;
    }

    private SnapshotInfo info(String name, SnapshotCodec.Revision s, long bytes) {
        long taken = s.takenAt();
        if (taken == 0) {
            try {
                taken = Long.parseLong(RevisionChain.id(name));
            } catch (NumberFormatException e) {
                taken = 0;
            }
        }
        return new SnapshotInfo(app, RevisionChain.id(name), taken, s.parts(), RevisionChain.base(name).orElse(null), bytes,
                true);
    }

    private List<String> list(PersistenceStore s) {
        try {
            return new ArrayList<>(s.revisions(app));
        } catch (IOException e) {
            throw new IllegalStateException("app '" + app + "': listing its snapshots in store '" + storeName
                    + "' failed: " + e.getMessage(), e);
        }
    }

    /** Saves a snapshot as a new revision (incremental when it can be); returns its info. */
    synchronized SnapshotInfo save(AppPlan plan, Map<String, Serializable> state) throws IOException {
        long now = wallTime.getAsLong();
        long r = Math.max(now, lastRevision + 1);
        String id = String.format(Locale.ROOT, "%015d", r);
        DeltaWriter.Prepared p = writer.prepare(id, app, StateFingerprints.app(plan), StateFingerprints.units(plan),
                now, state, list(store));
        store.save(app, p.name(), p.bytes());
        lastRevision = r;
        writer.saved(p);
        SnapshotInfo info = new SnapshotInfo(app, id, now, p.parts(), RevisionChain.base(p.name()).orElse(null),
                p.bytes().length, true);
        infos.put(p.name(), info);
        return info;
    }

    private synchronized void noteRevision(String revision) {
        try {
            lastRevision = Math.max(lastRevision, Long.parseLong(RevisionChain.id(revision)));
        } catch (NumberFormatException e) {
            // a revision not named by this class: order by time from now on
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
}
