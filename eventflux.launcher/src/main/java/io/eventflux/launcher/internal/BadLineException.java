package io.eventflux.launcher.internal;

/** One input line that cannot be applied; the message names the line number and the problem. */
final class BadLineException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;
    private final String problem;

    BadLineException(int lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
        this.problem = problem;
    }

    int lineNumber() {
        return lineNumber;
    }

    String problem() {
        return problem;
    }
}
