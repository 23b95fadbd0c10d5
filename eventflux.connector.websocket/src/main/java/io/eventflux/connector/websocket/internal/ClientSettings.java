package io.eventflux.connector.websocket.internal;

import io.eventflux.api.io.ConnectorSpec;
import java.net.URI;
import java.util.Map;

/**
 * What a websocket client (source or sink) connects to.
 *
 * @param app the app's name
 * @param stream the stream's name
 * @param url the server's ws:// or wss:// URL
 * @param headers {@code websocket.headers.<Name>}, sent with the upgrade request
 * @param connectTimeoutMillis the longest a connection (with its upgrade) may take
 * @param maxMessageBytes larger incoming messages close the connection and go to the error strategy
 * @param idleTimeoutMillis 0: never closed for idleness
 * @param bytes whether payloads are byte[] (format bytes)
 */
record ClientSettings(String app, String stream, URI url, Map<String, String> headers, long connectTimeoutMillis,
        long maxMessageBytes, long idleTimeoutMillis, boolean bytes) {
    static ClientSettings of(ConnectorSpec spec) {
        return new ClientSettings(spec.app(), spec.stream().name(), WsKeys.url(spec),
                Map.copyOf(spec.withPrefix(WsKeys.HEADERS)),
                WsKeys.positiveMillis(spec, WsKeys.CONNECT_TIMEOUT, WsKeys.DEFAULT_CONNECT_TIMEOUT),
                WsKeys.maxMessageBytes(spec), WsKeys.idleTimeoutMillis(spec), WsKeys.bytesFormat(spec));
    }

    String owner() {
        return "stream " + stream + " of app " + app;
    }

    String shownUrl() {
        return WsKeys.shown(url);
    }

    @Override
    public String toString() {
        return "ClientSettings[" + owner() + ", " + shownUrl() + "]"; // headers may hold secrets
    }
}
