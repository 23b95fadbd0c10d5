package io.eventflux.connector.http.internal;

import io.eventflux.api.io.ConnectorSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The connector's option keys (SQL.md section 7) and the checks every setting shares. */
final class HttpKeys {
    static final String MODE = "http.mode";
    static final String HOST = "http.host";
    static final String PORT = "http.port";
    static final String PATH = "http.path";
    static final String URL = "http.url";
    static final String METHOD = "http.method";
    static final String HEADERS = "http.headers.";
    static final String CONTENT_TYPE = "http.content.type";
    static final String AUTH_TOKEN = "http.auth.token";
    static final String MAX_BODY_BYTES = "http.max.body.bytes";
    static final String POLL_INTERVAL = "http.poll.interval.ms";
    static final String TIMEOUT = "http.timeout.ms";
    static final String RETRY_MAX_ATTEMPTS = "http.retry.max-attempts";
    static final String RETRY_INITIAL_DELAY = "http.retry.initial-delay";
    static final String RETRY_MAX_DELAY = "http.retry.max-delay";
    static final String FORMAT = "format";

    private HttpKeys() {
    }

    /** Whether the stream's format hands raw bytes around ({@code format = 'bytes'}) rather than text. */
    static boolean bytesFormat(ConnectorSpec spec) {
        return "bytes".equalsIgnoreCase(spec.option(FORMAT, "json").trim());
    }

    /** {@code http.url}, required, an absolute http(s) URL. */
    static URI url(ConnectorSpec spec) {
        String value = spec.require(URL).trim();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + URL
                    + "' must be an absolute http:// or https:// URL, was '" + shown(value) + "'");
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

    /** A positive long option. */
    static long positive(ConnectorSpec spec, String key, long fallback) {
        long value = spec.longOption(key, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + key
                    + "' must be positive, was '" + spec.option(key, "") + "'");
        }
        return value;
    }

    /** A positive duration option in milliseconds ("500", "2 s"). */
    static long positiveMillis(ConnectorSpec spec, String key, long fallback) {
        long value = spec.durationMillis(key, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + key
                    + "' must be a positive duration, was '" + spec.option(key, "") + "'");
        }
        return value;
    }
}
