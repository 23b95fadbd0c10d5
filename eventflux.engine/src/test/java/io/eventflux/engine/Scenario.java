package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table-driven engine test against the real extension bundles: SQL, a script of sends and time
 * advances into stream {@code S} or named streams (joins, tables, patterns) in playback mode, and the
 * exact rows stream {@code Out} emits (ending with a graceful shutdown). {@link #expect} checks the
 * uninterrupted run and then, for every point between two steps, a run that snapshots the app there
 * (through JDK serialization), restores the snapshot into a freshly deployed app of the same SQL and
 * continues: it must emit the same rows.
 */
final class Scenario {
    private sealed interface Step permits Send, Advance {
    }

    private record Send(String stream, long ts, Object[] data) implements Step {
    }

    private record Advance(long ts) implements Step {
    }

    private final String sql;
    private final List<Step> steps = new ArrayList<>();
    private Runnable reset = () -> { };

    private Scenario(String sql) {
        this.sql = sql;
    }

    static Scenario of(String sql) {
        return new Scenario(sql);
    }

    Scenario send(long ts, Object... data) {
        return sendTo("S", ts, data);
    }

    /** Sends into another stream than {@code S}. */
    Scenario sendTo(String stream, long ts, Object... data) {
        steps.add(new Send(stream, ts, data));
        return this;
    }

    /** Sends into a named stream (same as {@link #sendTo}). */
    Scenario send(String stream, long ts, Object... data) {
        return sendTo(stream, ts, data);
    }

    /** Runs before every run (e.g. empties an external table). */
    Scenario resetBefore(Runnable action) {
        this.reset = action;
        return this;
    }

    Scenario advance(long ts) {
        steps.add(new Advance(ts));
        return this;
    }

    /** Asserts the rows ("ts:[values]", "ts:expired:[values]") of the plain run and of every restored run. */
    Scenario expect(String... rows) {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            assertThat(rows(flat(run(runtime, -1)))).as("uninterrupted run of %s", sql).containsExactly(rows);
            for (int cut = 0; cut <= steps.size(); cut++) {
                assertThat(rows(flat(run(runtime, cut)))).as("restored after step %d of %s", cut, sql)
                        .containsExactly(rows);
            }
        }
        return this;
    }

    /** The rows of the uninterrupted run, chunk by chunk. */
    List<List<String>> chunks() {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            return run(runtime, -1).stream().map(Scenario::rows).toList();
        }
    }

    /** The events of the uninterrupted run. */
    List<Event> events() {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            return flat(run(runtime, -1));
        }
    }

    private List<List<Event>> run(EventFluxRuntime runtime, int cut) {
        List<List<Event>> out = new ArrayList<>();
        reset.run();
        AppRuntime app = deploy(runtime);
        Collector first = new Collector();
        AutoCloseable subscription = app.addCallback("Out", first);
        int from = 0;
        if (cut >= 0) {
            apply(app, 0, cut);
            Map<String, Serializable> state = roundTrip(((AppRuntimeImpl) app).snapshotState());
            close(subscription);
            out.addAll(first.chunks());
            runtime.undeploy(app.name());
            app = deploy(runtime);
            ((AppRuntimeImpl) app).restoreState(state);
            first = new Collector();
            app.addCallback("Out", first);
            from = cut;
        }
        apply(app, from, steps.size());
        runtime.undeploy(app.name());
        out.addAll(first.chunks());
        return out;
    }

    private AppRuntime deploy(EventFluxRuntime runtime) {
        try {
            return runtime.deploy(sql, DeployOptions.playback());
        } catch (io.eventflux.api.CompileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private void apply(AppRuntime app, int from, int to) {
        for (Step step : steps.subList(from, to)) {
            if (step instanceof Send s) {
                app.inputHandler(s.stream()).send(s.ts(), s.data());
            } else {
                app.advanceTime(((Advance) step).ts());
            }
        }
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Through JDK serialization, as a persistence store would keep it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Serializable> roundTrip(Map<String, Serializable> state) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(new java.util.LinkedHashMap<>(state));
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (Map<String, Serializable>) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Event> flat(List<List<Event>> chunks) {
        return chunks.stream().flatMap(List::stream).toList();
    }

    static List<String> rows(List<Event> events) {
        return events.stream()
                .map(e -> e.timestamp() + (e.isExpired() ? ":expired:" : ":") + java.util.Arrays.toString(e.data()))
                .toList();
    }
}
