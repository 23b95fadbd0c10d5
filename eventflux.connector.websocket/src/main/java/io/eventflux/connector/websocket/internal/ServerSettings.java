package io.eventflux.connector.websocket.internal;

import io.eventflux.api.io.ConnectorSpec;

/**
 * Where a websocket server source listens.
 *
 * @param app the app's name
 * @param stream the stream's name
 * @param host the interface to bind ({@code 127.0.0.1} unless {@code websocket.host} says otherwise)
 * @param port the port; streams on the same host and port share one server
 * @param path the exact path clients connect to
 * @param maxMessageBytes larger messages close that client's connection and go to the error strategy
 * @param idleTimeoutMillis 0: never closed for idleness
 * @param bytes whether payloads are byte[] (format bytes)
 */
record ServerSettings(String app, String stream, String host, int port, String path, long maxMessageBytes,
        long idleTimeoutMillis, boolean bytes) {
    static final String DEFAULT_HOST = "127.0.0.1";

    static ServerSettings of(ConnectorSpec spec) {
        String stream = spec.stream().name();
        String host = spec.option(WsKeys.HOST, DEFAULT_HOST).trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("stream " + stream + ": option '" + WsKeys.HOST + "' is empty");
        }
        spec.require(WsKeys.PORT);
        long port = spec.longOption(WsKeys.PORT, 0);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("stream " + stream + ": option '" + WsKeys.PORT
                    + "' must be a port number from 1 to 65535, was '" + spec.option(WsKeys.PORT, "") + "'");
        }
        String path = normalizePath(spec.option(WsKeys.PATH, "/" + stream).trim());
        if (!path.startsWith("/") || path.contains("?") || path.contains("#") || path.contains(" ")) {
            throw new IllegalArgumentException("stream " + stream + ": option '" + WsKeys.PATH
                    + "' must be a path starting with '/' (no query, no spaces), was '" + spec.option(WsKeys.PATH, "")
                    + "'");
        }
        return new ServerSettings(spec.app(), stream, host, (int) port, path, WsKeys.maxMessageBytes(spec),
                WsKeys.idleTimeoutMillis(spec), WsKeys.bytesFormat(spec));
    }

    /** Paths match exactly, but {@code /orders/} is {@code /orders}. */
    static String normalizePath(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    String owner() {
        return "stream " + stream + " of app " + app;
    }
}
