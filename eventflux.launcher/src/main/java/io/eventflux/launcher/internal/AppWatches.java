package io.eventflux.launcher.internal;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.EventFlux;
import io.eventflux.api.StreamSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The apps of {@code eventflux shell} whose output streams are printed on the console, one JSON line per
 * event as {@code eventflux run} prints them ({@link EventLineWriter}). The apps given on the shell's command
 * line are watched from their start; {@code watch APP} and {@code unwatch APP} (Gogo commands in the
 * {@code eventflux} scope, registered while the shell runs) switch it for any app. A callback stays with
 * its app across restarts (a bundle it uses coming and going) until unwatched or undeployed.
 */
public final class AppWatches implements AutoCloseable {
    /** The Gogo functions of this object. */
    static final List<String> FUNCTIONS = List.of("watch", "unwatch");

    private final EventFlux eventFlux;
    private final EventLineWriter writer;
    private final Map<String, Watch> watched = new TreeMap<>();

    private record Watch(AppRuntime app, List<AutoCloseable> callbacks) {
    }

    AppWatches(EventFlux eventFlux, EventLineWriter writer) {
        this.eventFlux = eventFlux;
        this.writer = writer;
    }

    /** Prints the app's output streams from now on (again: nothing changes). */
    synchronized void attach(AppRuntime app) {
        Watch current = watched.get(app.name());
        if (current != null && current.app() == app) {
            return;
        }
        if (current != null) {
            detach(current.callbacks());
        }
        List<AutoCloseable> callbacks = new ArrayList<>();
        for (StreamSchema stream : app.outputStreams()) {
            callbacks.add(app.addCallback(stream.name(), events -> writer.write(stream, events)));
        }
        watched.put(app.name(), new Watch(app, callbacks));
    }

    /** {@code watch}: the watched apps. */
    public synchronized String watch() {
        forgetUndeployed();
        return watched.isEmpty() ? "no app is watched (watch APP prints an app's output streams)"
                : "watching " + String.join(", ", watched.keySet());
    }

    /** {@code watch APP}: prints the app's output streams as JSON lines. */
    public synchronized String watch(String app) {
        forgetUndeployed();
        AppRuntime runtime = eventFlux.app(app).orElseThrow(() -> new IllegalArgumentException("no app '" + app
                + "' is deployed; apps: " + eventFlux.apps().stream().map(a -> a.name()).toList()));
        attach(runtime);
        List<String> outputs = runtime.outputStreams().stream().map(StreamSchema::name).toList();
        return outputs.isEmpty() ? "app '" + app + "' has no output stream (no query inserts into a stream)"
                : "watching " + app + ": " + String.join(", ", outputs);
    }

    /** {@code unwatch APP}: stops printing the app's output streams. */
    public synchronized String unwatch(String app) {
        forgetUndeployed();
        Watch watch = watched.remove(app);
        if (watch == null) {
            throw new IllegalArgumentException("app '" + app + "' is not watched; watched: " + watched.keySet());
        }
        detach(watch.callbacks());
        return "stopped watching " + app;
    }

    /** Detaches every callback. */
    @Override
    public synchronized void close() {
        watched.values().forEach(w -> detach(w.callbacks()));
        watched.clear();
    }

    /** An app undeployed (or replaced) since it was watched is watched no more. */
    private void forgetUndeployed() {
        watched.entrySet().removeIf(e -> eventFlux.app(e.getKey()).map(app -> app != e.getValue().app()).orElse(true));
    }

    private static void detach(List<AutoCloseable> callbacks) {
        for (AutoCloseable callback : callbacks) {
            try {
                callback.close();
            } catch (Exception e) {
                // the app is gone: its callbacks with it
            }
        }
    }
}
