package io.eventflux.management.internal;

/** A request that cannot be served: the status to answer and a message naming what is wrong. */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object details;

    HttpError(int status, String message) {
        this(status, message, null);
    }

    HttpError(int status, String message, Object details) {
        super(message);
        this.status = status;
        this.details = details;
    }

    int status() {
        return status;
    }

    /** Extra JSON (compile errors), or null. */
    Object details() {
        return details;
    }
}
