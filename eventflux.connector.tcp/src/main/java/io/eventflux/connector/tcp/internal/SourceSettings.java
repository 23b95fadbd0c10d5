package io.eventflux.connector.tcp.internal;

import io.eventflux.api.io.ConnectorSpec;

/**
 * Where a tcp source listens and what it accepts.
 *
 * @param app the app's name
 * @param stream the stream's name
 * @param host the interface to bind ({@code 127.0.0.1} unless {@code tcp.host} says otherwise)
 * @param port the port
 * @param framing how frames are cut
 * @param maxConnections connections served at once; more are refused
 * @param maxFrameBytes longer frames go to the error strategy
 * @param bytes whether payloads are byte[] (format bytes) rather than UTF-8 strings
 */
record SourceSettings(String app, String stream, String host, int port, Framing framing, int maxConnections,
        int maxFrameBytes, boolean bytes) {
    static final int DEFAULT_MAX_CONNECTIONS = 16;

    static SourceSettings of(ConnectorSpec spec) {
        long max = TcpKeys.positive(spec, TcpKeys.MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS);
        if (max > 10_000) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '"
                    + TcpKeys.MAX_CONNECTIONS + "' must be at most 10000 (one thread each), was " + max);
        }
        return new SourceSettings(spec.app(), spec.stream().name(), TcpKeys.host(spec), TcpKeys.port(spec),
                TcpKeys.framing(spec), (int) max, TcpKeys.maxFrameBytes(spec), TcpKeys.bytesFormat(spec));
    }

    /** Which stream this is, for messages: {@code stream Orders of app shop}. */
    String owner() {
        return "stream " + stream + " of app " + app;
    }
}
