package io.eventflux.connector.websocket.internal;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A WebSocket client sending each payload as one message (text, or binary with {@code format = 'bytes'} or
 * {@code websocket.message.type = 'binary'}) and waiting until it is written, so a slow server holds the
 * stream back. A connection the server closed is opened again before the next message; a failed send
 * closes it and is tried again on a new connection after the backoff ({@code websocket.retry.*}), up to
 * {@code websocket.retry.max-attempts}; then {@link #publish} throws, naming the URL, and the event goes
 * to the stream's error strategy. What was written to a connection just before the server died may be
 * lost: WebSocket has no acknowledgement.
 */
final class WsSink implements Sink {
    private static final System.Logger LOG = System.getLogger(WsSink.class.getName());

    private final SinkSettings settings;
    private final ClientSettings client;
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private WebSocketClient jetty;
    private volatile Session session;
    private int connects;

    WsSink(SinkSettings settings) {
        this.settings = settings;
        this.client = settings.client();
    }

    @Override
    public synchronized void start() throws IOException {
        stopped = new CountDownLatch(1);
        if (jetty == null) {
            jetty = JettyClients.start("eventflux-ws-sink-" + client.stream(), client);
        }
        if (session == null || !session.isOpen()) {
            try {
                connect();
            } catch (IOException e) {
                JettyClients.stop(jetty);
                jetty = null;
                throw e;
            }
        }
    }

    @Override
    public synchronized void publish(Object payload, Event event) throws IOException {
        if (jetty == null) {
            throw new IOException(client.owner() + ": websocket sink is not started");
        }
        RetryPolicy retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            IOException failure;
            try {
                send(payload);
                return;
            } catch (IOException e) {
                failure = e;
                drop();
            }
            if (stopped.getCount() == 0) {
                throw new IOException(client.owner() + ": websocket sink stopped while sending to " + client.shownUrl()
                        + " (" + failure.getMessage() + ")", failure);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new IOException(client.owner() + ": websocket sink could not send to " + client.shownUrl()
                        + " after " + attempt + " attempt(s): " + failure.getMessage(), failure);
            }
            long delay = retry.delayMillis(attempt);
            LOG.log(Level.DEBUG, "{0}: sending to {1} failed ({2}), attempt {3} of {4}, retrying in {5} ms",
                    client.owner(), client.shownUrl(), failure.getMessage(), String.valueOf(attempt),
                    String.valueOf(retry.maxAttempts()), String.valueOf(delay));
            try {
                if (stopped.await(delay, TimeUnit.MILLISECONDS)) {
                    throw new IOException(client.owner() + ": websocket sink stopped while retrying "
                            + client.shownUrl(), failure);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(client.owner() + ": interrupted while retrying " + client.shownUrl(), failure);
            }
        }
    }

    private void send(Object payload) throws IOException {
        Session s = session;
        if (s == null || !s.isOpen()) {
            connect();
            s = session;
            if (connects > 1) {
                LOG.log(Level.INFO, "{0}: websocket sink reconnected to {1}", client.owner(), client.shownUrl());
            }
        }
        Callback.Completable done = new Callback.Completable();
        if (settings.binary()) {
            byte[] bytes = payload instanceof byte[] b ? b : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
            s.sendBinary(ByteBuffer.wrap(bytes), done);
        } else {
            s.sendText(payload instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(payload),
                    done);
        }
        try {
            done.get(client.connectTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("sending failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new IOException("sending took longer than " + client.connectTimeoutMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }

    private void connect() throws IOException {
        session = JettyClients.connect(jetty, new OutboundEndpoint(), client);
        connects++;
    }

    private void drop() {
        Session s = session;
        session = null;
        if (s != null) {
            s.disconnect();
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
        WebSocketClient j;
        Session s;
        synchronized (this) {
            j = jetty;
            s = session;
            jetty = null;
            session = null;
        }
        if (s != null && s.isOpen()) {
            s.close(StatusCode.NORMAL, "eventflux sink stopping", Callback.NOOP);
        }
        if (j != null) {
            JettyClients.stop(j);
        }
    }

    /** Connections made so far (the first and every reconnect), for tests and diagnostics. */
    synchronized int connections() {
        return connects;
    }

    @Override
    public String toString() {
        return "websocket sink " + client.shownUrl() + " (" + client.owner() + ")";
    }

    /** The sink's side of the connection: nothing is read; public because Jetty calls it through a public lookup. */
    public static final class OutboundEndpoint extends Session.Listener.AbstractAutoDemanding {
    }
}
