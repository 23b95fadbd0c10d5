package io.eventflux.connector.http.internal;

import io.eventflux.api.io.ConnectorSpec;
import java.net.URI;
import java.util.Map;

/**
 * What a polling source fetches and how often.
 *
 * @param app the app's name
 * @param stream the stream's name
 * @param url what is fetched with GET
 * @param headers {@code http.headers.<Name>} sent with every request
 * @param token sent as {@code Authorization: Bearer <token>}, or null
 * @param intervalMillis the wait between two polls
 * @param maxBackoffMillis the longest wait after failed polls ({@code http.retry.max-delay})
 * @param timeoutMillis the longest a request may take
 * @param bytes whether the payload is the raw body (format bytes) rather than its text
 */
record PollSettings(String app, String stream, URI url, Map<String, String> headers, String token,
        long intervalMillis, long maxBackoffMillis, long timeoutMillis, boolean bytes) {
    static final long DEFAULT_INTERVAL = 5_000;
    static final long DEFAULT_TIMEOUT = 30_000;
    static final long DEFAULT_MAX_BACKOFF = 60_000;

    static PollSettings of(ConnectorSpec spec) {
        long interval = HttpKeys.positiveMillis(spec, HttpKeys.POLL_INTERVAL, DEFAULT_INTERVAL);
        String token = spec.option(HttpKeys.AUTH_TOKEN, "");
        return new PollSettings(spec.app(), spec.stream().name(), HttpKeys.url(spec),
                Map.copyOf(spec.withPrefix(HttpKeys.HEADERS)), token.isBlank() ? null : token.trim(), interval,
                Math.max(interval, HttpKeys.positiveMillis(spec, HttpKeys.RETRY_MAX_DELAY, DEFAULT_MAX_BACKOFF)),
                HttpKeys.positiveMillis(spec, HttpKeys.TIMEOUT, DEFAULT_TIMEOUT), HttpKeys.bytesFormat(spec));
    }

    /**
     * The wait before the next poll after {@code failures} failed polls in a row: the interval doubled for
     * each, at most {@link #maxBackoffMillis}.
     */
    long nextDelayMillis(int failures) {
        if (failures == 0) {
            return intervalMillis;
        }
        long delay = intervalMillis << Math.min(failures, 30);
        return delay <= 0 ? maxBackoffMillis : Math.min(delay, maxBackoffMillis);
    }

    String owner() {
        return "stream " + stream + " of app " + app;
    }

    @Override
    public String toString() {
        return "PollSettings[" + owner() + ", url=" + HttpKeys.shown(url) + ", every " + intervalMillis + " ms]";
    }
}
