package io.eventflux.api.extension;

/**
 * Thrown by a factory when its parameters are wrong (count, type, range). The message must name the
 * parameter and the bad value; the compiler adds the line and column of the call.
 */
public final class ExtensionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExtensionException(String message) {
        super(message);
    }

    public ExtensionException(String message, Throwable cause) {
        super(message, cause);
    }
}
