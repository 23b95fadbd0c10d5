package io.eventflux.connector.http.internal;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Sends each event as one request on Jetty's HttpClient, synchronously, so that a slow or failing receiver
 * holds the stream back instead of piling requests up. Connection errors, timeouts, 5xx and 429 are
 * retried with exponential backoff ({@code http.retry.*}, a {@code Retry-After} is honoured up to the
 * maximum delay); other statuses are not retried. What still fails throws out of {@link #publish}, to the
 * stream's error strategy.
 */
final class HttpSink implements Sink {
    private static final System.Logger LOG = System.getLogger(HttpSink.class.getName());
    private static final int SNIPPET = 200;

    private final SinkSettings settings;
    private final String target;
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private HttpClient client;

    HttpSink(SinkSettings settings) {
        this.settings = settings;
        this.target = settings.method() + " " + HttpKeys.shown(settings.url());
    }

    @Override
    public synchronized void start() throws Exception {
        if (client == null) {
            stopped = new CountDownLatch(1);
            client = JettyClients.start("eventflux-http-sink-" + settings.stream(), settings.timeoutMillis(), false);
        }
    }

    @Override
    public void publish(Object payload, Event event) throws Exception {
        HttpClient c = client;
        if (c == null) {
            throw new IllegalStateException(settings.owner() + ": http sink is not started");
        }
        RetryPolicy retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            Failure failure = attempt(c, payload);
            if (failure == null) {
                return;
            }
            if (attempt >= retry.maxAttempts()) {
                throw new IOException(settings.owner() + ": " + target + " failed after " + attempt + " attempt(s): "
                        + failure.message(), failure.cause());
            }
            long delay = retry.delayMillis(attempt, failure.retryAfterMillis());
            LOG.log(Level.DEBUG, "{0}: {1} failed ({2}), attempt {3} of {4}, retrying in {5} ms", settings.owner(),
                    target, failure.message(), String.valueOf(attempt), String.valueOf(retry.maxAttempts()),
                    String.valueOf(delay));
            if (stopped.await(delay, TimeUnit.MILLISECONDS)) {
                throw new IOException(settings.owner() + ": http sink stopped while retrying " + target + " ("
                        + failure.message() + ")");
            }
        }
    }

    /** One request: null when delivered, a retryable failure, or an exception for what is not retried. */
    private Failure attempt(HttpClient c, Object payload) throws HttpStatusException, InterruptedException {
        ContentResponse response;
        try {
            response = c.newRequest(settings.url()).method(settings.method())
                    .timeout(settings.timeoutMillis(), TimeUnit.MILLISECONDS)
                    .headers(h -> {
                        settings.headers().forEach(h::put);
                        if (settings.token() != null) {
                            h.put(HttpHeader.AUTHORIZATION, "Bearer " + settings.token());
                        }
                    })
                    .body(payload instanceof byte[] bytes ? new BytesRequestContent(settings.contentType(), bytes)
                            : new StringRequestContent(settings.contentType(), String.valueOf(payload),
                                    StandardCharsets.UTF_8))
                    .send();
        } catch (TimeoutException e) {
            return new Failure("timed out after " + settings.timeoutMillis() + " ms (http.timeout.ms)", -1, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Failure("connection failed: " + cause, -1, cause);
        }
        int status = response.getStatus();
        if (status < 300) {
            return null;
        }
        String answer = "answered " + status + " " + response.getReason() + snippet(response);
        if (status == 429 || status >= 500) {
            return new Failure(answer, retryAfterMillis(response.getHeaders().get(HttpHeader.RETRY_AFTER)), null);
        }
        throw new HttpStatusException(settings.owner() + ": " + target + " " + answer + " (not retried)", status);
    }

    private static String snippet(ContentResponse response) {
        String body;
        try {
            body = response.getContentAsString();
        } catch (RuntimeException e) {
            return "";
        }
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > SNIPPET ? line.substring(0, SNIPPET) + "..." : line);
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is not worth a parser here: -1). */
    static long retryAfterMillis(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim())) * 1_000;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
        HttpClient c;
        synchronized (this) {
            c = client;
            client = null;
        }
        if (c != null) {
            JettyClients.stop(c, LOG, settings.owner());
        }
    }

    @Override
    public String toString() {
        return "http sink " + target + " (" + settings.owner() + ")";
    }

    private record Failure(String message, long retryAfterMillis, Throwable cause) {
    }

    /** A status that is not retried (4xx but 429): the receiver will not accept this payload as it is. */
    static final class HttpStatusException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        HttpStatusException(String message, int status) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
