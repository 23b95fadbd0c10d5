package io.eventflux.launcher.internal;

import com.fasterxml.jackson.core.JsonFactory;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.config.AppConfig;
import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.PersistenceStoreFactory;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a case as {@code eventflux replay} does, in-process against the real engine and the extension
 * bundles on the test class path, whole or cut: the app plays lines [0, k), its state is snapshotted, its
 * output is disconnected and it is shut down; a fresh engine deploys the same app, gets the snapshot back,
 * plays lines [k, n) and shuts down gracefully. Everything is in event time (the playback clock), so runs
 * are deterministic. Two ways to carry the state across:
 * <ul>
 * <li>{@link Carry#SERIALIZED}: {@code snapshotState()} of the app, through JDK serialization into bytes,
 * {@code restoreState} into the fresh app;</li>
 * <li>{@link Carry#STORE}: the engine's own persistence: the app is persisted in a file store
 * ({@code persistence.dir}, no periodic saves), the snapshot at the cut is saved on demand
 * ({@code persistNow}) and is the only revision the fresh engine finds, which restores it on start;</li>
 * <li>{@link Carry#GRACEFUL}: as {@code run --state} stopped and started again: the persisted app is shut
 * down gracefully with its output still connected (its state is saved at shutdown; what output rate
 * limiting holds stays in that state instead of being flushed), and the fresh engine restores it on start.</li>
 * </ul>
 */
final class CutReplay {
    enum Carry { SERIALIZED, STORE, GRACEFUL }

    private static final String APP = "restore-cut";
    private final ReplayCase c;
    private final List<InputLine> lines;

    CutReplay(ReplayCase c) {
        this.c = c;
        this.lines = c.lines();
    }

    int lineCount() {
        return lines.size();
    }

    /** The output of {@code eventflux replay} itself (ReplayCommand), uninterrupted. */
    String uninterrupted() throws IOException, CompileException, CommandFailure {
        return uninterrupted(null);
    }

    /**
     * The same for the app persisted in a store in {@code dir} (null: not persisted). A persisted app's
     * graceful shutdown keeps what output rate limiting holds in its saved state instead of flushing it, so
     * its output can lack the unpersisted run's last flush.
     */
    String uninterrupted(Path dir) throws IOException, CompileException, CommandFailure {
        Out out = new Out();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (EventFluxRuntime engine = engine(); EventLineWriter writer = out.writer()) {
            int exit = new ReplayCommand(engine, new EventConverter(), new PrintStream(err, true, StandardCharsets.UTF_8),
                    options(dir)).run(c.sql(), new JsonLinesReader(new BufferedReader(new StringReader(c.input())),
                            new JsonTreeReader(new JsonFactory())), "input.jsonl", writer, c.skipBad());
            if (exit != ExitCodes.OK) {
                throw new AssertionError(c.name() + ": replay exited " + exit + ": " + err.toString(StandardCharsets.UTF_8));
            }
        }
        return out.text();
    }

    /**
     * The concatenated output of the run cut after each of {@code cuts} lines (ascending): one app per
     * segment, each restored from the snapshot the one before it took.
     *
     * @param dir a fresh folder for the store
     */
    String cutAt(Carry carry, Path dir, int... cuts) throws IOException, CompileException, CommandFailure {
        Out out = new Out();
        DeployOptions options = options(carry == Carry.SERIALIZED ? null : dir);
        Map<String, Serializable> carried = null;
        int from = 0;
        for (int segment = 0; segment <= cuts.length; segment++) {
            boolean last = segment == cuts.length;
            int to = last ? lines.size() : cuts[segment];
            String revision = null;
            try (EventFluxRuntime engine = engine()) {
                DeployedApp app = DeployedApp.deploy(engine, c.sql(), options, out.writer());
                try {
                    AppRuntimeImpl handle = (AppRuntimeImpl) app.runtime();
                    if (carried != null) {
                        handle.restoreState(carried);
                        carried = null;
                    }
                    play(app, from, to);
                    if (!last && carry == Carry.SERIALIZED) {
                        carried = roundTrip(handle.snapshotState());
                    } else if (!last && carry == Carry.STORE) {
                        revision = handle.persistNow().orElseThrow(() -> new AssertionError(
                                "persistNow saved nothing: the app is not persisted")).revision();
                    }
                    if (!last && carry != Carry.GRACEFUL) {
                        // what this app would still emit (a graceful shutdown flushes rate limiters) is not
                        // output: only the snapshot carries on, as after a crash
                        out.disconnect();
                    }
                } finally {
                    app.close();
                    out.reconnect();
                }
                if (revision != null) {
                    keepOnly(engine, dir, revision);
                }
            }
            from = to;
        }
        return out.text();
    }

    private void play(DeployedApp app, int from, int to) {
        LinePlayer player = new LinePlayer(app, new EventConverter());
        for (InputLine line : lines.subList(from, to)) {
            try {
                player.play(line);
            } catch (BadLineException e) {
                if (!c.skipBad()) {
                    throw new AssertionError(c.name() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static EventFluxRuntime engine() {
        return EventFluxRuntime.withServiceLoader(CutReplay.class.getClassLoader());
    }

    private static DeployOptions options(Path store) {
        DeployOptions o = DeployOptions.playback().withName(APP).withEnvironment(Map.of());
        if (store == null) {
            return o;
        }
        return o.withConfig(new AppConfig("restore test", Map.of("persistence.store", "file",
                "persistence.dir", store.toString(), "persistence.interval", "0"), Map.of()));
    }

    /**
     * The graceful shutdown after the cut saved more revisions (with the same state); the on-demand one
     * taken at the cut is made the newest, as after a crash right after it, through the store's own API:
     * it and the revisions before it (an incremental revision needs its bases) are kept, in their order.
     */
    private static void keepOnly(EventFluxRuntime engine, Path dir, String revision) throws IOException {
        PersistenceStoreFactory factory = engine.registry().persistenceStore("file")
                .orElseThrow(() -> new AssertionError("the file persistence store is not on the class path"));
        PersistenceStore store = factory.create(Map.of("dir", dir.toString(), "keep", "1000"));
        List<String> revisions = store.revisions(APP);
        int last = revisions.indexOf(revision);
        if (last < 0) {
            throw new AssertionError("revision " + revision + " is not in the store: " + revisions);
        }
        Map<String, byte[]> kept = new LinkedHashMap<>();
        for (String r : revisions.subList(0, last + 1)) {
            kept.put(r, store.load(APP, r).orElseThrow(() -> new AssertionError("revision " + r + " is gone")));
        }
        store.clear(APP);
        for (Map.Entry<String, byte[]> e : kept.entrySet()) {
            store.save(APP, e.getKey(), e.getValue());
        }
    }

    /** Through JDK serialization, as a persistence store keeps a snapshot. */
    @SuppressWarnings("unchecked")
    private static Map<String, Serializable> roundTrip(Map<String, Serializable> state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(new LinkedHashMap<>(state));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Map<String, Serializable>) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The lines emitted, across both apps of a cut run; writes while disconnected are dropped. */
    private static final class Out extends Writer {
        private final StringBuilder text = new StringBuilder();
        private volatile boolean connected = true;

        EventLineWriter writer() {
            return new EventLineWriter(this, new JsonFactory(), false);
        }

        void disconnect() {
            connected = false;
        }

        void reconnect() {
            connected = true;
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        @Override
        public void write(char[] buf, int off, int len) {
            if (connected) {
                synchronized (text) {
                    text.append(buf, off, len);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
