package io.eventflux.connector.tcp.internal;

import io.eventflux.api.io.ConnectorSpec;

/**
 * Where a tcp sink connects and how it frames and retries.
 *
 * @param app the app's name
 * @param stream the stream's name
 * @param host the peer's host
 * @param port the peer's port
 * @param framing how each payload is framed
 * @param connectTimeoutMillis the longest one connection attempt may take
 * @param retry how a failed delivery is retried (reconnecting) before the error strategy gets it
 */
record SinkSettings(String app, String stream, String host, int port, Framing framing, long connectTimeoutMillis,
        RetryPolicy retry) {
    static final long DEFAULT_CONNECT_TIMEOUT = 5_000;

    static SinkSettings of(ConnectorSpec spec) {
        TcpKeys.bytesFormat(spec); // a format is required
        long timeout = TcpKeys.positiveMillis(spec, TcpKeys.CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
        if (timeout > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '"
                    + TcpKeys.CONNECT_TIMEOUT + "' is too long: " + timeout + " ms");
        }
        return new SinkSettings(spec.app(), spec.stream().name(), TcpKeys.host(spec), TcpKeys.port(spec),
                TcpKeys.framing(spec), timeout, RetryPolicy.of(spec));
    }

    String owner() {
        return "stream " + stream + " of app " + app;
    }

    String peer() {
        return host + ":" + port;
    }
}
