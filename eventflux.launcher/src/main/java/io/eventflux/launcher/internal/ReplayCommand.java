package io.eventflux.launcher.internal;

import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code eventflux replay}: deploys the app on the playback clock with inline processing, moves the
 * clock to each line's ts (firing due timers first), sends the line's events with that ts, and at
 * the end shuts the app down gracefully. See conformance/README.md for the contract.
 */
final class ReplayCommand {
    private final EventFlux eventFlux;
    private final EventConverter converter;
    private final PrintStream err;
    private final DeployOptions options;

    /** @param options how to deploy: the playback clock, inline, with the configuration file and the environment */
    ReplayCommand(EventFlux eventFlux, EventConverter converter, PrintStream err, DeployOptions options) {
        this.options = options;
        this.eventFlux = eventFlux;
        this.converter = converter;
        this.err = err;
    }

    /**
     * @param inputName how to name the input in messages
     * @return the exit code: 0, or 3 for a bad line (unless skipBad)
     */
    int run(String sql, JsonLinesReader input, String inputName, EventLineWriter output, boolean skipBad)
            throws CompileException, CommandFailure, IOException {
        try (DeployedApp app = DeployedApp.deploy(eventFlux, sql, options, output)) {
            LinePlayer player = new LinePlayer(app, converter);
            while (true) {
                InputLine line;
                try {
                    line = input.next();
                    if (line == null) {
                        break;
                    }
                    player.play(line);
                } catch (BadLineException e) {
                    if (!skipBad) {
                        err.println("eventflux: " + inputName + ": " + e.getMessage());
                        return ExitCodes.BAD_INPUT;
                    }
                    err.println("eventflux: " + inputName + ": skipped " + e.getMessage());
                } catch (RuntimeException e) {
                    throw new CommandFailure(ExitCodes.ERROR, inputName + ": line " + input.lineNumber()
                            + ": the app failed: " + e, e);
                }
            }
        } finally {
            output.flush();
        }
        return ExitCodes.OK;
    }
}
