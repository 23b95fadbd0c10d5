package io.eventflux.connector.http.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The {@code http.auth.token} a webhook expects in {@code Authorization: Bearer <token>}. Only its SHA-256
 * digest is kept, and digests are compared with {@link MessageDigest#isEqual} (constant time, and equal
 * lengths, so the comparison leaks neither where a guess goes wrong nor the token's length). It has no
 * readable form: it cannot end up in a log.
 */
final class BearerToken {
    private static final String PREFIX = "Bearer ";

    private final byte[] digest;

    BearerToken(String token) {
        this.digest = sha256(token);
    }

    /** Whether an {@code Authorization} header value (null when absent) carries this token. */
    boolean matches(String authorization) {
        if (authorization == null || authorization.length() < PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(PREFIX.length()).trim()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[********]";
    }
}
