package io.eventflux.connector.http.internal;

import io.eventflux.api.io.ConnectorSpec;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where and how a sink sends each event.
 *
 * @param app the app's name
 * @param stream the stream's name
 * @param url where each payload goes
 * @param method POST (default), PUT or PATCH
 * @param headers {@code http.headers.<Name>}
 * @param contentType {@code http.content.type}, else derived from the stream's format
 * @param token sent as {@code Authorization: Bearer <token>}, or null
 * @param timeoutMillis the longest one attempt may take
 * @param retry how failed attempts are retried
 */
record SinkSettings(String app, String stream, URI url, String method, Map<String, String> headers,
        String contentType, String token, long timeoutMillis, RetryPolicy retry) {
    static final long DEFAULT_TIMEOUT = 30_000;
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

    static SinkSettings of(ConnectorSpec spec) {
        String method = spec.option(HttpKeys.METHOD, "POST").trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + HttpKeys.METHOD
                    + "' must be POST, PUT or PATCH, was '" + spec.option(HttpKeys.METHOD, "") + "'");
        }
        String token = spec.option(HttpKeys.AUTH_TOKEN, "");
        return new SinkSettings(spec.app(), spec.stream().name(), HttpKeys.url(spec), method,
                Map.copyOf(spec.withPrefix(HttpKeys.HEADERS)), contentType(spec), token.isBlank() ? null : token.trim(),
                HttpKeys.positiveMillis(spec, HttpKeys.TIMEOUT, DEFAULT_TIMEOUT), RetryPolicy.of(spec));
    }

    private static String contentType(ConnectorSpec spec) {
        String explicit = spec.option(HttpKeys.CONTENT_TYPE, "").trim();
        if (!explicit.isEmpty()) {
            return explicit;
        }
        return switch (spec.option(HttpKeys.FORMAT, "json").trim().toLowerCase(Locale.ROOT)) {
            case "json" -> "application/json";
            case "csv" -> "text/csv; charset=utf-8";
            case "bytes" -> "application/octet-stream";
            default -> "text/plain; charset=utf-8";
        };
    }

    String owner() {
        return "stream " + stream + " of app " + app;
    }

    @Override
    public String toString() {
        return "SinkSettings[" + owner() + ", " + method + " " + HttpKeys.shown(url) + ", " + retry + "]";
    }
}
