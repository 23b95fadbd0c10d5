package io.eventflux.api.io;

/** A payload that does not fit the stream's schema. The message names the attribute and the value. */
public final class MappingException extends Exception {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
