package io.eventflux.launcher.internal;

import io.eventflux.api.config.AppConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code eventflux server [--home DIR] [--port N] [--host ADDR] [--console]}: runs the runtime as a server
 * over a distribution folder until stopped (SIGTERM or Ctrl-C: the framework stops, and with it every app,
 * gracefully). On a terminal (or with {@code --console}) a Gogo console runs once the server is ready;
 * leaving it stops the server the same way. Without a terminal nothing reads standard input. The folder holds {@code deploy/} (bundles and {@code *.sql} apps, watched by FileInstall),
 * {@code conf/}, {@code state/} ({@code http.port}) and {@code logs/}; the missing ones are created.
 * The OSGi side (registering the server-mode service, starting FileInstall and the management bundle)
 * is behind {@link ServerMode}.
 */
final class ServerCommand {
    static final List<String> FOLDERS = List.of("deploy", "conf", "state", "logs");
    static final List<String> KEYS = List.of("port", "host", "token");

    /** What the command needs from the framework. */
    interface ServerMode {
        /**
         * Switches server mode on: the deploy folder and the management API.
         *
         * @param settings {@code eventflux.http.port}, {@code .host}, {@code .token} when configured
         * @param options the stream options of the configuration file, for the apps the server deploys
         *
         * @return a description of the management API's address once it listens
         * @throws CommandFailure when the management bundle does not come up in time
         */
        String start(Path home, Map<String, String> settings, AppConfig options) throws CommandFailure, InterruptedException;

        /**
         * Stops the framework and waits (bounded) until it has stopped: on SIGTERM the JVM halts when
         * the shutdown hooks return, so the hook itself must see the apps shut down gracefully.
         */
        void stopAndWait();

        /**
         * Runs the interactive console on the process's streams until the user leaves it.
         *
         * @throws CommandFailure when there is no console here
         */
        default void console() throws CommandFailure {
            throw new CommandFailure(ExitCodes.ERROR, "no console in this runtime");
        }
    }

    private final ServerMode mode;
    private final StopSignal stop;
    private final PrintStream err;
    private final boolean terminal;

    ServerCommand(ServerMode mode, StopSignal stop, PrintStream err) {
        this(mode, stop, err, false);
    }

    /** @param terminal whether standard input and output are a terminal: the console starts by itself */
    ServerCommand(ServerMode mode, StopSignal stop, PrintStream err, boolean terminal) {
        this.mode = mode;
        this.stop = stop;
        this.err = err;
        this.terminal = terminal;
    }

    static CommandLine parse(List<String> args) throws UsageException {
        CommandLine cl = CommandLine.parse("server", args, Set.of("--home", "--port", "--host", "--config"), Set.of("--console"));
        if (!cl.positional().isEmpty()) {
            throw new UsageException("server", "unexpected argument '" + cl.positional().get(0) + "'");
        }
        return cl;
    }

    static Path home(CommandLine cl, Path workingDirectory) {
        String homeArg = cl.value("--home");
        return (homeArg == null ? workingDirectory : workingDirectory.resolve(homeArg)).toAbsolutePath().normalize();
    }

    /**
     * The management API's settings: --port and --host, else the {@code [server]} table of the
     * configuration file ({@code port}, {@code host}, {@code token}); what is in neither is left to the
     * framework properties ({@code -Deventflux.http.port}) and the defaults.
     */
    static Map<String, String> settings(CommandLine cl, Object serverTable) throws CommandFailure {
        Map<String, String> settings = new HashMap<>();
        if (serverTable instanceof Map<?, ?> table) {
            for (Map.Entry<?, ?> e : table.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!KEYS.contains(key)) {
                    throw new CommandFailure(ExitCodes.ERROR, "[server] " + key + " is not a server setting (" + String.join(", ", KEYS) + ")");
                }
                if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                    throw new CommandFailure(ExitCodes.ERROR, "[server] " + key + " must be a single value");
                }
                settings.put("eventflux.http." + key, String.valueOf(e.getValue()));
            }
        } else if (serverTable != null) {
            throw new CommandFailure(ExitCodes.ERROR, "server in the configuration file must be a table ([server])");
        }
        if (cl.value("--port") != null) {
            settings.put("eventflux.http.port", cl.value("--port"));
        }
        if (cl.value("--host") != null) {
            settings.put("eventflux.http.host", cl.value("--host"));
        }
        return settings;
    }

    int run(CommandLine cl, Path home, Object serverTable, AppConfig options) throws CommandFailure, InterruptedException {
        Map<String, String> settings = settings(cl, serverTable);
        for (String folder : FOLDERS) {
            try {
                Files.createDirectories(home.resolve(folder));
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.ERROR, "cannot create " + home.resolve(folder) + ": " + e);
            }
        }
        Thread hook = new Thread(() -> {
            stop.request();
            mode.stopAndWait();
        }, "eventflux-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        String address = mode.start(home, settings, options);
        long readyMillis = ProcessClock.sinceStart();
        err.println("eventflux: server ready" + (readyMillis >= 0 ? " in " + readyMillis + " ms" : "") + " (home " + home
                + ", deploy folder " + home.resolve("deploy") + ", management API " + address + ")");
        err.flush();
        if (terminal || cl.flag("--console")) {
            // the console until the user leaves it (exit, Ctrl-D): then the server stops as on SIGTERM
            mode.console();
            stop.request();
        } else {
            stop.awaitRequest();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (SIGTERM): the framework stops after this command returns
        }
        return ExitCodes.OK;
    }

    /** The port file the management bundle writes once it listens (port 0 picks a free one). */
    static String readPort(Path home) {
        try {
            return Files.readString(home.resolve("state").resolve("http.port"), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
