package io.eventflux.api;

/** The lifecycle state of a deployed app. */
public enum AppState {
    /** Compiled, extensions missing: it starts on its own when they arrive. */
    WAITING,
    /** Deployed and processing events. */
    RUNNING,
    /** Shut down, cleanly. */
    STOPPED,
    /** Stopped by an error (see {@link AppInfo#error()}). */
    FAILED
}
