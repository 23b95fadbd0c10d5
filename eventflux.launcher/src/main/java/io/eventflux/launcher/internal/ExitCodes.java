package io.eventflux.launcher.internal;

/** The exit codes of the {@code eventflux} command (conformance/README.md). */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** Anything else: usage errors, unreadable files, a missing runtime service, engine failures. */
    static final int ERROR = 1;
    /** The app does not compile. */
    static final int COMPILE_ERROR = 2;
    /** A bad input line (not JSON, unknown stream, unconvertible value, decreasing ts). */
    static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
