package io.eventflux.launcher.internal;

import io.eventflux.api.AppRuntime;

/**
 * Applies replay input lines to a deployed app (conformance/README.md): moves the playback clock to each
 * line's ts, firing every timer due at or before it (the app's time starts at the first line's ts, where
 * {@code AT START} triggers fire), then sends the line's events stamped with that ts.
 */
final class LinePlayer {
    private final AppRuntime runtime;
    private final EventSender sender;
    private boolean started;
    private long lastTs;

    LinePlayer(DeployedApp app, EventConverter converter) {
        this.runtime = app.runtime();
        this.sender = new EventSender(app, converter, InputLine::ts);
    }

    /** @throws BadLineException when the line's events cannot be sent (the clock has moved already) */
    void play(InputLine line) throws BadLineException {
        if (!started || line.ts() > lastTs) {
            runtime.advanceTime(line.ts());
            started = true;
            lastTs = line.ts();
        }
        if (!line.clockOnly()) {
            sender.send(line);
        }
    }
}
