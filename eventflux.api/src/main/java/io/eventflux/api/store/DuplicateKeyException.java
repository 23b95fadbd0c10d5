package io.eventflux.api.store;

/** An insert whose primary key is taken. The message names the table and the key. */
public final class DuplicateKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message) {
        super(message);
    }
}
