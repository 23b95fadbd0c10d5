package io.eventflux.connector.http.internal;

import io.eventflux.api.io.ConnectorSpec;

/**
 * What a webhook source listens on and accepts.
 *
 * @param app the app's name
 * @param stream the stream's name
 * @param host the interface to bind ({@code 127.0.0.1} unless {@code http.host} says otherwise)
 * @param port the port; streams on the same host and port share one server
 * @param path the exact request path routed to this stream
 * @param token the bearer token requests must carry, or null
 * @param maxBodyBytes larger bodies get 413
 * @param bytes whether the payload is the raw body (format bytes) rather than its text
 */
record WebhookSettings(String app, String stream, String host, int port, String path, BearerToken token,
        long maxBodyBytes, boolean bytes) {
    /** Loopback by default: a webhook reachable from other machines is a decision to write down. */
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8080;
    static final long DEFAULT_MAX_BODY_BYTES = 1 << 20;

    static WebhookSettings of(ConnectorSpec spec) {
        String stream = spec.stream().name();
        String host = spec.option(HttpKeys.HOST, DEFAULT_HOST).trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("stream " + stream + ": option '" + HttpKeys.HOST + "' is empty");
        }
        long port = spec.longOption(HttpKeys.PORT, DEFAULT_PORT);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("stream " + stream + ": option '" + HttpKeys.PORT
                    + "' must be a port number from 1 to 65535, was '" + spec.option(HttpKeys.PORT, "") + "'");
        }
        String path = normalizePath(spec.option(HttpKeys.PATH, "/" + stream).trim());
        if (!path.startsWith("/") || path.contains("?") || path.contains("#") || path.contains(" ")) {
            throw new IllegalArgumentException("stream " + stream + ": option '" + HttpKeys.PATH
                    + "' must be a path starting with '/' (no query, no spaces), was '" + spec.option(HttpKeys.PATH, "")
                    + "'");
        }
        String token = spec.option(HttpKeys.AUTH_TOKEN, "");
        long max = HttpKeys.positive(spec, HttpKeys.MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES);
        if (max > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("stream " + stream + ": option '" + HttpKeys.MAX_BODY_BYTES
                    + "' must be below 2 GiB, was " + max);
        }
        return new WebhookSettings(spec.app(), stream, host, (int) port, path,
                token.isBlank() ? null : new BearerToken(token.trim()), max, HttpKeys.bytesFormat(spec));
    }

    /** Paths match exactly, but {@code /orders/} is {@code /orders}. */
    static String normalizePath(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Which stream this is, for messages: {@code stream Orders of app shop}. */
    String owner() {
        return "stream " + stream + " of app " + app;
    }
}
