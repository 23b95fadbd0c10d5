package io.eventflux.connector.http.internal;

import io.eventflux.api.io.MappingException;
import io.eventflux.api.io.OfferResult;
import io.eventflux.api.io.SourceListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The webhook of one stream: checks the token and the size, hands the body to the engine without blocking
 * and answers what became of it. 202: taken; 503 with {@code Retry-After}: the app is full (the sender's
 * backpressure) or paused; 400: the payload cannot be mapped (it went to the stream's error strategy);
 * 401: missing or wrong token; 413: body over {@code http.max.body.bytes}.
 */
final class WebhookRoute {
    private static final System.Logger LOG = System.getLogger(WebhookRoute.class.getName());
    /** Seconds a sender is asked to wait when the app is full. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final WebhookSettings settings;
    private final SourceListener listener;
    // Readers: requests handing a payload over; the writer: close(), which waits for them, so that no
    // listener call happens once the source has stopped.
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean closed;
    private volatile boolean paused;

    WebhookRoute(WebhookSettings settings, SourceListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    WebhookSettings settings() {
        return settings;
    }

    void pause(boolean pause) {
        this.paused = pause;
    }

    /** Returns once no request is handing a payload over; later requests get 503. */
    void close() {
        gate.writeLock().lock();
        try {
            closed = true;
        } finally {
            gate.writeLock().unlock();
        }
    }

    void handle(Request request, Response response, Callback callback, String path) {
        if (settings.token() != null && !settings.token().matches(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"eventflux\"");
            WebhookResponses.send(response, callback, HttpStatus.UNAUTHORIZED_401,
                    "missing or wrong bearer token (Authorization: Bearer <http.auth.token>)");
            return;
        }
        if (paused) {
            busy(response, callback, "stream " + settings.stream() + " is paused, try again later");
            return;
        }
        long declared = request.getLength();
        if (declared > settings.maxBodyBytes()) {
            tooLarge(response, callback);
            return;
        }
        byte[] body;
        try {
            body = readAtMost(Request.asInputStream(request), settings.maxBodyBytes());
        } catch (IOException e) {
            WebhookResponses.send(response, callback, HttpStatus.BAD_REQUEST_400, "cannot read the body: " + e.getMessage());
            return;
        }
        if (body == null) {
            tooLarge(response, callback);
            return;
        }
        Object payload = settings.bytes() ? body : new String(body, charset(request));
        Map<String, String> headers = Map.of(SourceListener.LOCATION,
                "http POST " + path + " from " + Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request));
        answer(offer(payload, headers), response, callback);
    }

    /** The engine's answer; FULL once closed; null when the engine failed. */
    private OfferResult offer(Object payload, Map<String, String> headers) {
        gate.readLock().lock();
        try {
            return closed ? OfferResult.FULL : listener.offerMapped(payload, headers);
        } catch (RuntimeException e) {
            // error.strategy = fail with an engine that throws: a mapping error is still the sender's fault.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof MappingException) {
                    return OfferResult.rejected(t.getMessage());
                }
            }
            LOG.log(Level.WARNING, settings.owner() + ": the engine failed to take a webhook payload", e);
            return null;
        } finally {
            gate.readLock().unlock();
        }
    }

    private void answer(OfferResult result, Response response, Callback callback) {
        if (result == null) {
            WebhookResponses.send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                    "stream " + settings.stream() + " could not take the payload");
            return;
        }
        switch (result.status()) {
            case ACCEPTED -> WebhookResponses.send(response, callback, HttpStatus.ACCEPTED_202, "");
            case FULL -> busy(response, callback, "stream " + settings.stream() + " is full, try again later");
            case REJECTED -> WebhookResponses.send(response, callback, HttpStatus.BAD_REQUEST_400,
                    result.reason().startsWith("stream " + settings.stream() + ":") ? result.reason()
                            : "stream " + settings.stream() + ": " + result.reason());
        }
    }

    private static void busy(Response response, Callback callback, String message) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        WebhookResponses.send(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, message);
    }

    private void tooLarge(Response response, Callback callback) {
        WebhookResponses.send(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                "the body is larger than " + settings.maxBodyBytes() + " bytes (http.max.body.bytes)");
    }

    /** The body, or null when it is longer than {@code max} (a chunked body has no declared length). */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static Charset charset(Request request) {
        try {
            Charset charset = Request.getCharset(request);
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
