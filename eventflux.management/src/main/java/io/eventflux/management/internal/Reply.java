package io.eventflux.management.internal;

/**
 * What a route answers: a status, a content type and a body ({@code null} for no content).
 */
record Reply(int status, String contentType, byte[] body) {
    static final String JSON = "application/json; charset=utf-8";

    static Reply json(int status, byte[] body) {
        return new Reply(status, JSON, body);
    }

    static Reply empty(int status) {
        return new Reply(status, null, null);
    }
}
