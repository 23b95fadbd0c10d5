package io.eventflux.launcher.internal;

/** Wrong command-line usage: the message says what is wrong; the usage text follows it. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String command;

    UsageException(String command, String message) {
        super(message);
        this.command = command;
    }

    /** The subcommand whose usage applies, or null for the top level. */
    String command() {
        return command;
    }
}
