package io.eventflux.launcher.internal.config;

/** A configuration file that cannot be read: the message names the file, and the line and column when known. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
