package io.eventflux.launcher.internal;

import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code eventflux run}: deploys the app on the wall clock (asynchronous, ring buffer), prints what
 * it emits, and runs until a stop is requested (Ctrl-C or the framework stopping); with an input
 * file it sends the file's events and stops when they are consumed. Either way the app is shut down
 * gracefully: sources stop, rings drain, rate limiters flush, and what that emits is still printed.
 */
final class RunCommand {
    private final EventFlux eventFlux;
    private final EventConverter converter;
    private final PrintStream err;
    private final StopSignal stop;
    private final Runnable hotDeploy;
    private final DeployOptions options;

    /** @param options how to deploy: the wall clock, with the configuration file and the environment */
    RunCommand(EventFlux eventFlux, EventConverter converter, PrintStream err, StopSignal stop, Runnable hotDeploy,
            DeployOptions options) {
        this.options = options;
        this.eventFlux = eventFlux;
        this.converter = converter;
        this.err = err;
        this.stop = stop;
        this.hotDeploy = hotDeploy;
    }

    /**
     * @param topics the input streams of the deployed app that it reads from an {@code inMemory} source, with
     *        their topics: their input is published on the topic (see {@link TopicInput}); asked only with an input
     * @param input the events to send, or null to run until stopped
     * @return the exit code
     */
    int run(String sql, TopicInput.Finder topics, JsonLinesReader input, String inputName, EventLineWriter output,
            boolean skipBad) throws CompileException, CommandFailure, IOException, InterruptedException {
        Cli.TRACE.mark("deploy");
        try (DeployedApp app = DeployedApp.deploy(eventFlux, sql, options, output)) {
            Map<String, String> topicsOf = input == null ? Map.of() : topics.of(app.runtime());
            // the publisher is deployed after the app (its source listens) and closed before it
            try (DeployedApp publisher = topicsOf.isEmpty() ? null
                    : TopicInput.deploy(eventFlux, app, topicsOf, options, output)) {
                Cli.TRACE.mark("deployed");
                return runDeployed(app, publisher, topicsOf, input, inputName, output, skipBad);
            }
        } finally {
            output.flush();
        }
    }

    private int runDeployed(DeployedApp app, DeployedApp publisher, Map<String, String> topics, JsonLinesReader input,
            String inputName, EventLineWriter output, boolean skipBad) throws CommandFailure, IOException,
            InterruptedException {
        Thread hook = new Thread(() -> {
            if (publisher != null) {
                publisher.close();
            }
            stopGracefully(app, output);
        }, "eventflux-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            hotDeploy.run();
            if (input == null) {
                err.println("eventflux: app '" + app.runtime().name() + "' is running; press Ctrl-C to stop it");
                stop.awaitRequest();
                return ExitCodes.OK;
            }
            EventSender.Handlers handlers = publisher == null ? app : (stream, line) ->
                    topics.containsKey(stream) ? publisher.handler(stream, line) : app.handler(stream, line);
            return feed(app, handlers, input, inputName, skipBad);
        } finally {
            removeHook(hook);
        }
    }

    /**
     * Ctrl-C: the JVM halts once the shutdown hooks return, and the main thread may be blocked (reading
     * standard input, or waiting), so the hook itself shuts the app down gracefully and flushes what
     * that emits. The main thread's own close then finds the app closed.
     */
    private void stopGracefully(DeployedApp app, EventLineWriter output) {
        stop.request();
        try {
            app.close();
        } finally {
            try {
                output.flush();
            } catch (IOException e) {
                err.println("eventflux: cannot flush the output: " + e);
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs, or has run
        }
    }

    /** Sends every event of the input, stamped with the app's (wall-clock) time; clock lines are ignored. */
    private int feed(DeployedApp app, EventSender.Handlers handlers, JsonLinesReader input, String inputName,
            boolean skipBad) throws IOException, CommandFailure {
        EventSender sender = new EventSender(handlers, converter, line -> app.runtime().currentTime());
        while (!stop.isRequested()) {
            try {
                InputLine line = input.next();
                if (line == null) {
                    break;
                }
                if (!line.clockOnly()) {
                    sender.send(line);
                }
            } catch (BadLineException e) {
                if (!skipBad) {
                    err.println("eventflux: " + inputName + ": " + e.getMessage());
                    return ExitCodes.BAD_INPUT;
                }
                err.println("eventflux: " + inputName + ": skipped " + e.getMessage());
            } catch (RuntimeException e) {
                if (stop.isRequested()) {
                    break; // the shutdown hook closed the app under us
                }
                throw new CommandFailure(ExitCodes.ERROR, inputName + ": line " + input.lineNumber()
                        + ": the app failed: " + e, e);
            }
        }
        return ExitCodes.OK;
    }
}
