package io.eventflux.connector.websocket.internal;

import io.eventflux.api.io.ConnectorSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The connector's option keys (SQL.md section 7) and the checks the settings share. */
final class WsKeys {
    static final String MODE = "websocket.mode";
    static final String URL = "websocket.url";
    static final String HOST = "websocket.host";
    static final String PORT = "websocket.port";
    static final String PATH = "websocket.path";
    static final String HEADERS = "websocket.headers.";
    static final String MAX_MESSAGE_BYTES = "websocket.max.message.bytes";
    static final String IDLE_TIMEOUT = "websocket.idle.timeout.ms";
    static final String CONNECT_TIMEOUT = "websocket.connect.timeout.ms";
    static final String MESSAGE_TYPE = "websocket.message.type";
    static final String RETRY_MAX_ATTEMPTS = "websocket.retry.max-attempts";
    static final String RETRY_INITIAL_DELAY = "websocket.retry.initial-delay";
    static final String RETRY_MAX_DELAY = "websocket.retry.max-delay";
    static final String FORMAT = "format";

    static final long DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;
    static final long DEFAULT_CONNECT_TIMEOUT = 10_000;

    private WsKeys() {
    }

    /** Whether payloads are byte[] ({@code format = 'bytes'}); a stream without a format is refused. */
    static boolean bytesFormat(ConnectorSpec spec) {
        String format = spec.option(FORMAT, "").trim();
        if (format.isEmpty()) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": a websocket stream needs a "
                    + "'format' (json, csv, text or bytes) to turn messages into events and back");
        }
        return "bytes".equalsIgnoreCase(format);
    }

    /** {@code websocket.url}, required, an absolute ws:// or wss:// URL. */
    static URI url(ConnectorSpec spec) {
        String value = spec.require(URL).trim();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("ws") || scheme.equals("wss")) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute ws or wss URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + URL
                    + "' must be an absolute ws:// or wss:// URL, was '" + shown(value) + "'");
        }
    }

    /** A URL as it may appear in messages and logs: no user info, no query (either may hold a secret). */
    static String shown(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    private static String shown(String url) {
        int query = url.indexOf('?');
        String noQuery = query < 0 ? url : url.substring(0, query);
        int at = noQuery.indexOf('@');
        int scheme = noQuery.indexOf("://");
        return at > scheme && scheme >= 0 ? noQuery.substring(0, scheme + 3) + noQuery.substring(at + 1) : noQuery;
    }

    /** {@code websocket.max.message.bytes}: positive, below 2 GiB. */
    static long maxMessageBytes(ConnectorSpec spec) {
        long max = positive(spec, MAX_MESSAGE_BYTES, DEFAULT_MAX_MESSAGE_BYTES);
        if (max > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + MAX_MESSAGE_BYTES
                    + "' must be below 2 GiB, was " + max);
        }
        return max;
    }

    /** {@code websocket.idle.timeout.ms}: 0 (default) keeps an idle connection open for good. */
    static long idleTimeoutMillis(ConnectorSpec spec) {
        long value = spec.durationMillis(IDLE_TIMEOUT, 0);
        if (value < 0) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + IDLE_TIMEOUT
                    + "' must not be negative, was '" + spec.option(IDLE_TIMEOUT, "") + "'");
        }
        return value;
    }

    static long positive(ConnectorSpec spec, String key, long fallback) {
        long value = spec.longOption(key, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + key
                    + "' must be positive, was '" + spec.option(key, "") + "'");
        }
        return value;
    }

    static long positiveMillis(ConnectorSpec spec, String key, long fallback) {
        long value = spec.durationMillis(key, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + key
                    + "' must be a positive duration, was '" + spec.option(key, "") + "'");
        }
        return value;
    }
}
