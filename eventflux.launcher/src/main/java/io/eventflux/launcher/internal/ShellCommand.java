package io.eventflux.launcher.internal;

import io.eventflux.api.AppInfo;
import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import io.eventflux.api.config.AppConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code eventflux shell [APP.sql ...]}: an interactive session in a local runtime, the console of
 * {@code eventflux server} (Gogo with the {@code eventflux} commands: {@code deploy}, {@code send},
 * {@code apps}, {@code status}, ...) without the management API, the deploy folder or a distribution folder.
 * The apps given on the command line are deployed first (inline: a {@code send} runs their queries on the
 * console's thread, so what it emits is printed before the command's answer) and their output streams are
 * printed as JSON lines, as {@code eventflux run} prints them; {@code watch APP} and {@code unwatch APP}
 * switch that for any app ({@link AppWatches}).
 *
 * <p>On a terminal the lines are edited with JLine (history in {@code ~/.eventflux_history} or
 * {@code --history FILE}, Tab completion of commands, apps and streams). Otherwise (a pipe, a script) the
 * commands are read from standard input with no banner and no prompt, so standard output holds only what
 * they print; the exit code is then 1 when a command failed. {@code exit}, {@code quit} or the end of the
 * input leave the shell; every app is then shut down gracefully (with {@code --state}, its state is saved),
 * as on SIGTERM or Ctrl-C outside a line.
 */
final class ShellCommand {
    static final String BANNER = "EventFlux shell (Apache Felix Gogo): eventflux commands such as apps, deploy FILE.sql,"
            + " send APP STREAM 'JSON', watch APP, status APP; Tab completes; exit or Ctrl-D leaves";
    private static final Pattern APP_NAME = Pattern.compile("@app\\s*:\\s*name\\s*\\(\\s*'((?:[^']|'')*)'\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    static final Set<String> VALUE_OPTIONS = Set.of("--config", "--state", "--history", "--port", "--host");

    /** What the shell needs from the framework. */
    interface Gogo {
        /**
         * Runs the console on the process's standard streams, with the commands of {@code watches} registered,
         * until exit or the end of the input.
         *
         * @param history the history file of the line editor (on a terminal)
         * @param interactive whether standard input and output are a terminal: line editor, banner and prompt
         * @param output where the watched apps' events go: above the line being edited while it is read
         * @return how many commands failed
         * @throws CommandFailure when there is no console in the runtime
         */
        int console(Path history, boolean interactive, ConsoleOutput output, AppWatches watches) throws CommandFailure;

        /** Switches the management API on, as {@link ServerCommand.ServerMode#start} does for the server. */
        String start(Path home, Map<String, String> settings, AppConfig options) throws CommandFailure, InterruptedException;
    }

    /**
     * The management API asked for with {@code --port} or {@code --host}.
     *
     * @param settings {@code eventflux.http.*}, as {@link ServerCommand#settings} makes them
     * @param options the configuration file's stream options, for the apps deployed through the API
     */
    record Api(Map<String, String> settings, AppConfig options) {
    }

    private final EventFlux eventFlux;
    private final Gogo gogo;
    private final StopSignal stop;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private boolean closed;

    /** @param interactive whether standard input and output are a terminal */
    ShellCommand(EventFlux eventFlux, Gogo gogo, StopSignal stop, PrintStream out, PrintStream err, boolean interactive) {
        this.eventFlux = eventFlux;
        this.gogo = gogo;
        this.stop = stop;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /**
     * @param apps the apps to deploy first: file name to SQL, in order
     * @param options how to deploy them (the configuration file, the environment, {@code --state})
     * @param history the line editor's history file
     * @param writer makes the JSON-lines writer of the watched apps' events over the console's output
     * @param api the management API to switch on, or null for none
     * @return the exit code
     */
    int run(Map<String, String> apps, DeployOptions options, Path history,
            java.util.function.Function<ConsoleOutput, EventLineWriter> writer, Api api)
            throws CommandFailure, InterruptedException {
        ConsoleOutput output = new ConsoleOutput(out);
        AppWatches watches = new AppWatches(eventFlux, writer.apply(output));
        Thread hook = new Thread(() -> {
            stop.request();
            shutDown(watches);
        }, "eventflux-shell-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Path home = null;
        try {
            if (api != null) {
                home = serverHome();
                err.println("eventflux: management API " + gogo.start(home, api.settings(), api.options()) + " (home "
                        + home + ", removed when the shell ends)");
                err.flush();
            }
            for (Map.Entry<String, String> app : apps.entrySet()) {
                deploy(app.getKey(), app.getValue(), options.withSynchronous(true), watches);
            }
            int failed = gogo.console(history, interactive, output, watches);
            return interactive || failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
        } finally {
            shutDown(watches);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs, or has run
            }
            if (home != null) {
                delete(home);
            }
        }
    }

    /** The server's folders (deploy, conf, state, logs) in a temporary folder: the shell has no home. */
    private static Path serverHome() throws CommandFailure {
        try {
            Path home = Files.createTempDirectory("eventflux-shell-");
            for (String folder : ServerCommand.FOLDERS) {
                Files.createDirectories(home.resolve(folder));
            }
            return home;
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.ERROR, "cannot create a folder for the management API: " + e);
        }
    }

    private static void delete(Path home) {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: best effort
        }
    }

    private void deploy(String file, String sql, DeployOptions options, AppWatches watches) throws CommandFailure {
        AppRuntime app;
        try {
            // watched before its sources start: an event delivered at once is printed too
            app = eventFlux.deploy(sql, options.withName(appName(file, sql)), watches::attach);
        } catch (CompileException e) {
            throw Cli.compileFailure(file, sql, e);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new CommandFailure(ExitCodes.ERROR, file + ": cannot deploy the app: " + e.getMessage());
        }
        AppInfo info = app.info();
        if (info.state() == AppState.WAITING) {
            throw new CommandFailure(ExitCodes.ERROR, file + ": app '" + app.name() + "' is waiting for extensions that"
                    + " are not installed: " + String.join(", ", info.waitingFor()));
        }
        if (info.state() == AppState.FAILED) {
            throw new CommandFailure(ExitCodes.ERROR, file + ": app '" + app.name() + "' failed to start: " + info.error());
        }
        err.println("eventflux: app '" + app.name() + "' (" + file + ") is running; its output streams are printed here");
        err.flush();
    }

    /**
     * The app's {@code @app:name('x')}, else the file name without {@code .sql}: as the server names the apps of
     * its deploy folder (AppNames in eventflux.management).
     */
    static String appName(String file, String sql) {
        Matcher m = APP_NAME.matcher(sql.replaceAll("(?m)--.*$", ""));
        if (m.find()) {
            return m.group(1).replace("''", "'");
        }
        String base = Path.of(file).getFileName().toString();
        return base.toLowerCase(Locale.ROOT).endsWith(".sql") ? base.substring(0, base.length() - 4) : base;
    }

    /**
     * Shuts every app of the runtime down gracefully (the last outputs of rate limiters and the like are still
     * printed), newest first, and undeploys it; then detaches the watches. Once, from the main thread or the
     * shutdown hook.
     */
    private synchronized void shutDown(AppWatches watches) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            List<String> names = new ArrayList<>(eventFlux.apps().stream().map(AppInfo::name).toList());
            java.util.Collections.reverse(names);
            for (String name : names) {
                eventFlux.app(name).ifPresent(app -> {
                    try {
                        app.shutdown();
                    } finally {
                        eventFlux.undeploy(name);
                    }
                });
            }
        } catch (RuntimeException e) {
            // the runtime is going away (the framework stopping) and shuts its apps down itself
        } finally {
            watches.close();
            out.flush();
        }
    }
}
