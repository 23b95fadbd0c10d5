package io.eventflux.launcher.internal;

/** A JSON value that does not fit the stream's schema. The message says which attribute and why. */
final class ConversionException extends Exception {
    private static final long serialVersionUID = 1L;

    ConversionException(String message) {
        super(message);
    }
}
