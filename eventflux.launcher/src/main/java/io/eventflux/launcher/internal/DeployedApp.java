package io.eventflux.launcher.internal;

import io.eventflux.api.AppInfo;
import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import io.eventflux.api.InputHandler;
import io.eventflux.api.StreamSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An app deployed by a command: its output streams are written to an {@link EventLineWriter}, its
 * input handlers are looked up by name, and {@link #close()} shuts it down gracefully (rate limiters
 * flush, rings drain) while the output callbacks are still attached, then undeploys it.
 */
final class DeployedApp implements AutoCloseable, EventSender.Handlers {
    private final EventFlux eventFlux;
    private final AppRuntime app;
    private final List<AutoCloseable> callbacks = new ArrayList<>();
    private final Map<String, InputHandler> handlers = new HashMap<>();
    private boolean closed;

    private DeployedApp(EventFlux eventFlux, AppRuntime app) {
        this.eventFlux = eventFlux;
        this.app = app;
    }

    /**
     * Deploys the app and attaches the writer to its output streams.
     *
     * @throws CompileException if the SQL does not compile
     * @throws CommandFailure if the app is waiting for extensions that are not installed, or failed
     */
    static DeployedApp deploy(EventFlux eventFlux, String sql, DeployOptions options, EventLineWriter writer)
            throws CompileException, CommandFailure {
        List<AutoCloseable> attached = new ArrayList<>();
        AppRuntime app;
        try {
            // the writer goes on before the app's sources start: a source delivering at once loses nothing
            app = eventFlux.deploy(sql, options, built -> {
                Cli.TRACE.mark("built " + built.name());
                attach(built, writer, attached);
            });
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            // a stream's options (an unset ${VAR}, a missing connector): the engine's message names the
            // stream and the key and never a secret's value
            throw new CommandFailure(ExitCodes.ERROR, "cannot deploy the app: " + e.getMessage());
        }
        DeployedApp deployed = new DeployedApp(eventFlux, app);
        deployed.callbacks.addAll(attached);
        try {
            deployed.checkStarted();
        } catch (CommandFailure | RuntimeException e) {
            deployed.close();
            throw e;
        }
        return deployed;
    }

    AppRuntime runtime() {
        return app;
    }

    /** The handler of an input stream. @throws BadLineException for an unknown stream */
    @Override
    public InputHandler handler(String stream, int lineNumber) throws BadLineException {
        InputHandler handler = handlers.get(stream);
        if (handler == null) {
            if (app.stream(stream).isEmpty()) {
                throw new BadLineException(lineNumber, "unknown stream '" + stream + "' (the app's input streams: "
                        + inputStreamNames() + ")");
            }
            try {
                handler = app.inputHandler(stream);
            } catch (IllegalArgumentException e) {
                throw new BadLineException(lineNumber, e.getMessage());
            }
            handlers.put(stream, handler);
        }
        return handler;
    }

    /**
     * Shuts the app down gracefully, detaches the output callbacks and undeploys it. Idempotent and
     * safe from any thread (a shutdown hook may close the app while the main thread is still in it);
     * a second caller waits until the first has finished.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            app.shutdown();
        } finally {
            for (AutoCloseable callback : callbacks) {
                try {
                    callback.close();
                } catch (Exception e) {
                    // the app is gone; a callback that cannot be removed holds nothing
                }
            }
            try {
                eventFlux.undeploy(app.name());
            } catch (RuntimeException e) {
                // the runtime is going away (framework stopping) and has undeployed the app itself
            }
        }
    }

    private void checkStarted() throws CommandFailure {
        AppInfo info = app.info();
        if (info.state() == AppState.WAITING) {
            throw new CommandFailure(ExitCodes.ERROR, "app '" + app.name() + "' is waiting for extensions that are"
                    + " not installed: " + String.join(", ", new java.util.TreeSet<>(info.waitingFor())));
        }
        if (info.state() == AppState.FAILED) {
            throw new CommandFailure(ExitCodes.ERROR, "app '" + app.name() + "' failed to start: " + info.error());
        }
    }

    private static void attach(AppRuntime app, EventLineWriter writer, List<AutoCloseable> into) {
        for (StreamSchema stream : app.outputStreams()) {
            into.add(app.addCallback(stream.name(), events -> writer.write(stream, events)));
        }
    }

    private String inputStreamNames() {
        List<String> outputs = app.outputStreams().stream().map(StreamSchema::name).toList();
        String names = app.streams().stream()
                .map(StreamSchema::name)
                .filter(name -> !outputs.contains(name))
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }
}
