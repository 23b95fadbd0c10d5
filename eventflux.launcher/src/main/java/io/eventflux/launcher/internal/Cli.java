package io.eventflux.launcher.internal;

import com.fasterxml.jackson.core.JsonFactory;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.api.StreamSchema;
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
 * of OSGi: the {@code EventFlux} service, the stop signal and the hot-deploy switch are injected.
 */
final class Cli {
    private final EventFluxSource eventFlux;
    private final Console console;
    private final StopSignal stop;
    private final Runnable hotDeploy;
    private final ServerCommand.ServerMode serverMode;
    private final JsonFactory json = new JsonFactory();

    Cli(EventFluxSource eventFlux, Console console, StopSignal stop, Runnable hotDeploy) {
        this(eventFlux, console, stop, hotDeploy, null);
    }

    /** @param serverMode what {@code server} switches on, or null where there is no server mode */
    Cli(EventFluxSource eventFlux, Console console, StopSignal stop, Runnable hotDeploy,
            ServerCommand.ServerMode serverMode) {
        this.eventFlux = eventFlux;
        this.console = console;
        this.stop = stop;
        this.hotDeploy = hotDeploy;
        this.serverMode = serverMode;
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
                case "server" -> server(rest);
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
        CommandLine cl = CommandLine.parse("replay", args, Set.of("--input", "--output"), Set.of("--skip-bad"));
        if (cl.help()) {
            return help("replay");
        }
        String app = oneApp("replay", cl);
        String input = cl.value("--input");
        if (input == null) {
            throw new UsageException("replay", "replay needs --input EVENTS.jsonl");
        }
        String sql = readApp(app);
        try (BufferedReader in = openInput(input); EventLineWriter out = openOutput(cl.value("--output"), false)) {
            ReplayCommand replay = new ReplayCommand(eventFlux.await(), new EventConverter(), console.err());
            return replay.run(sql, new JsonLinesReader(in, new JsonTreeReader(json)), inputName(input), out, cl.flag("--skip-bad"));
        } catch (CompileException e) {
            throw compileFailure(app, e);
        }
    }

    private int run(List<String> args)
            throws UsageException, CommandFailure, IOException, InterruptedException {
        CommandLine cl = CommandLine.parse("run", args, Set.of("--input"), Set.of("--skip-bad"));
        if (cl.help()) {
            return help("run");
        }
        String app = oneApp("run", cl);
        String input = cl.value("--input");
        String sql = readApp(app);
        try (BufferedReader in = input == null ? null : openInput(input); EventLineWriter out = openOutput(null, true)) {
            RunCommand run = new RunCommand(eventFlux.await(), new EventConverter(), console.err(), stop, hotDeploy);
            return run.run(sql, in == null ? null : new JsonLinesReader(in, new JsonTreeReader(json)), inputName(input), out,
                    cl.flag("--skip-bad"));
        } catch (CompileException e) {
            throw compileFailure(app, e);
        }
    }

    private int validate(List<String> args) throws UsageException, CommandFailure {
        CommandLine cl = CommandLine.parse("validate", args, Set.of(), Set.of());
        if (cl.help()) {
            return help("validate");
        }
        String app = oneApp("validate", cl);
        String sql = readApp(app);
        List<StreamSchema> streams;
        try {
            streams = eventFlux.await().validate(sql);
        } catch (CompileException e) {
            throw compileFailure(app, e);
        }
        for (StreamSchema stream : streams) {
            console.out().println("stream " + stream.name()
                    + " (" + String.join(", ", stream.attributes().stream().map(Object::toString).toList()) + ")");
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
        eventFlux.await();
        return new ServerCommand(serverMode, stop, console.err()).run(cl, Path.of(""));
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
    private EventLineWriter openOutput(String file, boolean flushEachChunk) throws CommandFailure {
        if (file == null) {
            Writer stdout = new BufferedWriter(new OutputStreamWriter(console.out(), StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            return new EventLineWriter(stdout, json, flushEachChunk);
        }
        try {
            return new EventLineWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8),
                    json, false);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.ERROR, "cannot write output " + file + ": " + e);
        }
    }

    /** Exit 2 with every compile error: line, column, message, offending name and suggestion. */
    static CommandFailure compileFailure(String app, CompileException e) {
        StringBuilder sb = new StringBuilder(app).append(" does not compile:");
        List<CompileError> errors = e.errors();
        if (errors == null || errors.isEmpty()) {
            sb.append(System.lineSeparator()).append("  ").append(e.getMessage());
        } else {
            for (CompileError error : errors) {
                sb.append(System.lineSeparator()).append("  ").append(error.format());
            }
        }
        return new CommandFailure(ExitCodes.COMPILE_ERROR, sb.toString());
    }
}
