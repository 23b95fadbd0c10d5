package io.eventflux.launcher.internal;

import com.fasterxml.jackson.core.JsonFactory;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.StreamSchema;
import io.eventflux.launcher.internal.config.ConfigException;
import io.eventflux.launcher.internal.config.ConfigFile;
import io.eventflux.launcher.internal.config.ConfigLoader;
import io.eventflux.sql.plan.AppPlan;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The {@code eventflux} command line: parses the arguments, dispatches to a subcommand and turns
 * every outcome into an exit code (0 ok, 1 error, 2 compile error, 3 bad input line). Knows nothing
 * of OSGi: the {@code EventFlux} service, the compiler of plans, the stop signal, the hot-deploy switch
 * and the working directory and environment are injected.
 *
 * <p>run, replay, validate and config take {@code --config FILE}; without it {@code conf/eventflux.toml}
 * (then {@code .yaml}, {@code .yml}) under the working directory is used when present. Option values are
 * printed only through {@code ResolvedOption.displayValue()} (secrets redacted).
 */
final class Cli {
    private static final Set<String> CONFIG_OPTION = Set.of("--config");
    /** run, replay and validate: extension bundles (jars or folders of jars) installed before the app compiles. */
    private static final Set<String> BUNDLE_OPTION = Set.of("--bundle");

    private final EventFluxSource eventFlux;
    private final AppPlanner planner;
    private final Console console;
    private final StopSignal stop;
    private final Runnable hotDeploy;
    private final Workspace workspace;
    private final ServerCommand.ServerMode serverMode;
    private final BundleInstaller bundles;
    /** Made by the commands that read or write JSON lines: the server never loads Jackson's core for it. */
    private JsonFactory json;
    private final ConfigLoader configLoader = new ConfigLoader();

    Cli(EventFluxSource eventFlux, AppPlanner planner, Console console, StopSignal stop, Runnable hotDeploy,
            Workspace workspace) {
        this(eventFlux, planner, console, stop, hotDeploy, workspace, null);
    }

    /** @param serverMode what {@code server} switches on, or null where there is no server mode */
    Cli(EventFluxSource eventFlux, AppPlanner planner, Console console, StopSignal stop, Runnable hotDeploy,
            Workspace workspace, ServerCommand.ServerMode serverMode) {
        this(eventFlux, planner, console, stop, hotDeploy, workspace, serverMode, null);
    }

    /** @param bundles installs the {@code --bundle} jars, or null where bundles cannot be installed (outside OSGi) */
    Cli(EventFluxSource eventFlux, AppPlanner planner, Console console, StopSignal stop, Runnable hotDeploy,
            Workspace workspace, ServerCommand.ServerMode serverMode, BundleInstaller bundles) {
        this.eventFlux = eventFlux;
        this.planner = planner;
        this.console = console;
        this.stop = stop;
        this.hotDeploy = hotDeploy;
        this.workspace = workspace;
        this.serverMode = serverMode;
        this.bundles = bundles;
    }

    int execute(String... args) {
        List<String> argv = Arrays.asList(args);
        String command = argv.isEmpty() ? null : argv.get(0);
        List<String> rest = argv.isEmpty() ? List.of() : argv.subList(1, argv.size());
        try {
            if (command == null) {
                throw new UsageException(null, "no command given");
            }
            return switch (command) {
                case "-h", "--help" -> help(null);
                case "help" -> help(rest.isEmpty() ? null : rest.get(0));
                case "replay" -> replay(rest);
                case "run" -> run(rest);
                case "validate" -> validate(rest);
                case "config" -> config(rest);
                case "server" -> server(rest);
                case "shell" -> shell(rest);
                default -> throw new UsageException(null, "unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            console.err().println("eventflux: " + e.getMessage());
            console.err().println();
            console.err().print(Usage.of(e.command()));
            return ExitCodes.ERROR;
        } catch (CommandFailure e) {
            console.err().println("eventflux: " + e.getMessage());
            if (e.getCause() != null) {
                e.getCause().printStackTrace(console.err());
            }
            return e.exitCode();
        } catch (IOException e) {
            console.err().println("eventflux: " + e);
            return ExitCodes.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.ERROR;
        } catch (RuntimeException e) {
            console.err().println("eventflux: unexpected error: " + e);
            e.printStackTrace(console.err());
            return ExitCodes.ERROR;
        } finally {
            console.out().flush();
            console.err().flush();
        }
    }

    private int help(String command) {
        console.out().print(Usage.of(command));
        return ExitCodes.OK;
    }

    private int replay(List<String> args) throws UsageException, CommandFailure, IOException {
        CommandLine cl = CommandLine.parse("replay", args, Set.of("--input", "--output", "--config"), BUNDLE_OPTION,
                Set.of("--skip-bad"));
        if (cl.help()) {
            return help("replay");
        }
        String app = oneApp("replay", cl);
        String input = cl.value("--input");
        if (input == null) {
            throw new UsageException("replay", "replay needs --input EVENTS.jsonl");
        }
        String sql = readApp(app);
        installBundles(cl);
        // hermetic: no source or sink connects (a Kafka source would read live records, a sink would publish
        // test events); source streams are fed from the input file, sink streams are recorded in the output
        DeployOptions options = deployOptions(DeployOptions.playback(), loadConfig(cl)).withConnectors(false);
        try (BufferedReader in = openInput(input); EventLineWriter out = openOutput(cl.value("--output"), false)) {
            ReplayCommand replay = new ReplayCommand(eventFlux.await(), new EventConverter(), console.err(), options);
            return replay.run(sql, new JsonLinesReader(in, new JsonTreeReader(json())), inputName(input), out, cl.flag("--skip-bad"));
        } catch (CompileException e) {
            throw compileFailure(app, sql, e);
        }
    }

    private int run(List<String> args)
            throws UsageException, CommandFailure, IOException, InterruptedException {
        CommandLine cl = CommandLine.parse("run", args, Set.of("--input", "--config", "--state"), BUNDLE_OPTION,
                Set.of("--skip-bad"));
        if (cl.help()) {
            return help("run");
        }
        String app = oneApp("run", cl);
        String input = cl.value("--input");
        String sql = readApp(app);
        installBundles(cl);
        ConfigFile config = loadConfig(cl);
        DeployOptions options = deployOptions(DeployOptions.defaults(), config)
                .withConfig(io.eventflux.launcher.internal.config.PersistenceOptions.apply(config.options(),
                        config.sections(), cl.value("--state"), workspace.directory()));
        try (BufferedReader in = input == null ? null : openInput(input); EventLineWriter out = openOutput(null, true)) {
            RunCommand run = new RunCommand(eventFlux.await(), new EventConverter(), console.err(), stop, hotDeploy,
                    options);
            // streams read from an inMemory source get their input through the topic (TopicInput), found in the
            // plan the deployed app was compiled to
            return run.run(sql, TopicInput.of(sql, planner), in == null ? null : new JsonLinesReader(in, new JsonTreeReader(json())),
                    inputName(input), out, cl.flag("--skip-bad"));
        } catch (CompileException e) {
            throw compileFailure(app, sql, e);
        }
    }

    private int validate(List<String> args) throws UsageException, CommandFailure {
        CommandLine cl = CommandLine.parse("validate", args, CONFIG_OPTION, BUNDLE_OPTION, Set.of());
        if (cl.help()) {
            return help("validate");
        }
        String app = oneApp("validate", cl);
        String sql = readApp(app);
        installBundles(cl);
        ConfigFile config = loadConfig(cl);
        List<StreamSchema> streams;
        AppPlan plan;
        try {
            streams = eventFlux.await().validate(sql);
            plan = planner.plan(sql);
        } catch (CompileException e) {
            throw compileFailure(app, sql, e);
        }
        for (StreamSchema stream : streams) {
            console.out().println("stream " + stream.name()
                    + " (" + String.join(", ", stream.attributes().stream().map(Object::toString).toList()) + ")");
        }
        // the streams' options must resolve and name installed connectors, as deploying will require
        List<String> problems = configCommand().problems(plan, config);
        if (!problems.isEmpty()) {
            throw new CommandFailure(ExitCodes.ERROR, app + ": the streams' options have "
                    + (problems.size() == 1 ? "a problem" : problems.size() + " problems") + " (configuration file "
                    + config.source() + "):" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", problems));
        }
        return ExitCodes.OK;
    }

    private int server(List<String> args) throws UsageException, CommandFailure, InterruptedException {
        CommandLine cl = ServerCommand.parse(args);
        if (cl.help()) {
            return help("server");
        }
        if (serverMode == null) {
            throw new CommandFailure(ExitCodes.ERROR, "server mode needs the OSGi runtime (the eventflux jar)");
        }
        Path home = ServerCommand.home(cl, workspace.directory());
        ConfigFile config = loadServerConfig(cl, home);
        eventFlux.await();
        return new ServerCommand(serverMode, stop, console.err(), Terminals.interactive()).run(cl, home, config.sections().get("server"),
                config.options());
    }

    private int shell(List<String> args) throws UsageException, CommandFailure, InterruptedException {
        CommandLine cl = CommandLine.parse("shell", args, ShellCommand.VALUE_OPTIONS, Set.of());
        if (cl.help()) {
            return help("shell");
        }
        if (!(serverMode instanceof ShellCommand.Gogo gogo)) {
            throw new CommandFailure(ExitCodes.ERROR, "the shell needs the OSGi runtime (the eventflux jar)");
        }
        java.util.Map<String, String> apps = new java.util.LinkedHashMap<>();
        for (String file : cl.positional()) {
            apps.put(file, readApp(file));
        }
        ConfigFile config = loadConfig(cl);
        DeployOptions options = deployOptions(DeployOptions.defaults(), config)
                .withConfig(io.eventflux.launcher.internal.config.PersistenceOptions.apply(config.options(),
                        config.sections(), cl.value("--state"), workspace.directory()));
        Path history = cl.value("--history") != null ? workspace.directory().resolve(cl.value("--history"))
                : OsgiServerMode.historyFile(null);
        // the management API only when asked for: --port or --host (with the [server] table's token and the like)
        ShellCommand.Api api = cl.value("--port") == null && cl.value("--host") == null ? null
                : new ShellCommand.Api(ServerCommand.settings(cl, config.sections().get("server")), config.options());
        return new ShellCommand(eventFlux.await(), gogo, stop, console.out(), console.err(), Terminals.interactive())
                .run(apps, options, history, output -> new EventLineWriter(output, json(), true), api);
    }

    /** --config FILE, else HOME/conf/eventflux.toml (or .yaml, .yml) when present. */
    private ConfigFile loadServerConfig(CommandLine cl, Path home) throws CommandFailure {
        String explicit = cl.value("--config");
        try {
            ConfigFile config = configLoader.locate(explicit == null ? null
                    : workspace.directory().resolve(explicit).toString(), home);
            config.warnings().forEach(w -> console.err().println("eventflux: warning: " + w));
            return config;
        } catch (ConfigException e) {
            throw new CommandFailure(ExitCodes.ERROR, e.getMessage());
        }
    }

    /** {@code config list APP.sql} and {@code config validate APP.sql}. */
    private int config(List<String> args) throws UsageException, CommandFailure {
        if (args.isEmpty()) {
            throw new UsageException("config", "config needs a subcommand: list or validate");
        }
        if (args.get(0).equals("-h") || args.get(0).equals("--help")) {
            return help("config");
        }
        String sub = args.get(0);
        if (!sub.equals("list") && !sub.equals("validate")) {
            throw new UsageException("config", "unknown config subcommand '" + sub + "' (list or validate)");
        }
        CommandLine cl = CommandLine.parse("config", args.subList(1, args.size()), CONFIG_OPTION, Set.of());
        if (cl.help()) {
            return help("config");
        }
        String app = oneApp("config", cl);
        String sql = readApp(app);
        ConfigFile config = loadConfig(cl, false);
        AppPlan plan;
        try {
            plan = planner.plan(sql);
        } catch (CompileException e) {
            throw compileFailure(app, sql, e);
        }
        ConfigCommand command = configCommand();
        return sub.equals("list") ? command.list(app, plan, config) : command.validate(app, plan, config);
    }

    private ConfigCommand configCommand() throws CommandFailure {
        return new ConfigCommand(eventFlux.await()::extensions, workspace.environment(), console.out(), console.err());
    }

    private ConfigFile loadConfig(CommandLine cl) throws CommandFailure {
        return loadConfig(cl, true);
    }

    /** The --config file or the default one; its warnings go to stderr unless the caller prints them. */
    private ConfigFile loadConfig(CommandLine cl, boolean printWarnings) throws CommandFailure {
        try {
            ConfigFile config = configLoader.locate(cl.value("--config"), workspace.directory());
            if (printWarnings) {
                config.warnings().forEach(w -> console.err().println("eventflux: warning: " + w));
            }
            return config;
        } catch (ConfigException e) {
            throw new CommandFailure(ExitCodes.ERROR, e.getMessage());
        }
    }

    private DeployOptions deployOptions(DeployOptions base, ConfigFile config) {
        return base.withConfig(config.options()).withEnvironment(workspace.environment());
    }

    /** The {@code --bundle} jars and folders (relative to the working directory), installed and started. */
    private void installBundles(CommandLine cl) throws CommandFailure {
        List<String> given = cl.values("--bundle");
        if (given.isEmpty()) {
            return;
        }
        if (bundles == null) {
            throw new CommandFailure(ExitCodes.ERROR, "--bundle needs the OSGi runtime (the eventflux jar)");
        }
        bundles.install(workspace.directory(), given);
        TRACE.mark("--bundle installed");
    }

    private static String oneApp(String command, CommandLine cl) throws UsageException {
        if (cl.positional().isEmpty()) {
            throw new UsageException(command, command + " needs an app file (APP.sql)");
        }
        if (cl.positional().size() > 1) {
            throw new UsageException(command, "unexpected argument '" + cl.positional().get(1) + "'");
        }
        return cl.positional().get(0);
    }

    private static String readApp(String file) throws CommandFailure {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(ExitCodes.ERROR, "cannot read app " + file + ": no such file");
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.ERROR, "cannot read app " + file + ": " + e);
        }
    }

    private static String inputName(String file) {
        return "-".equals(file) ? "<stdin>" : file;
    }

    private BufferedReader openInput(String file) throws CommandFailure {
        if (file.equals("-")) {
            return new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(ExitCodes.ERROR, "cannot read input " + file + ": no such file");
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.ERROR, "cannot read input " + file + ": " + e);
        }
    }

    /** A writer to the file, or to standard output (never closed) for null. */
    static final PhaseTrace TRACE = PhaseTrace.fromSystem(System.err);

    private EventLineWriter openOutput(String file, boolean flushEachChunk) throws CommandFailure {
        if (file == null) {
            Writer stdout = new BufferedWriter(new OutputStreamWriter(console.out(), StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            return new EventLineWriter(stdout, json(), flushEachChunk);
        }
        try {
            return new EventLineWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8),
                    json(), false);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.ERROR, "cannot write output " + file + ": " + e);
        }
    }

    /**
     * Exit 2 with every compile error: line, column, message and suggestion ({@code line L, column C: ...}, the
     * form the conformance cases and the REST API use too), then the source line with a caret under the column.
     */
    static CommandFailure compileFailure(String app, String sql, CompileException e) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder(app).append(" does not compile:");
        List<CompileError> errors = e.errors();
        if (errors == null || errors.isEmpty()) {
            sb.append(nl).append("  ").append(e.getMessage());
        } else {
            for (CompileError error : errors) {
                sb.append(nl).append("  ").append(error.render(sql).replace(nl, nl + "  "));
            }
        }
        return new CommandFailure(ExitCodes.COMPILE_ERROR, sb.toString());
    }

    private synchronized JsonFactory json() {
        if (json == null) {
            json = new JsonFactory();
        }
        return json;
    }
}
