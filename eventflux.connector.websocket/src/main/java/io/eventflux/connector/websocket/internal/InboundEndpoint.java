package io.eventflux.connector.websocket.internal;

import io.eventflux.api.io.SourceListener;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException;

/**
 * One connection of a websocket source (as a client, or one of a server's clients), with explicit demand:
 * the next message is asked for only once the engine took this one. Text messages are payload Strings,
 * binary ones byte[] with {@code format = 'bytes'} (else decoded as UTF-8, and the other way round). Each
 * payload carries the location {@code websocket <peer address> message <n>}. A message over
 * {@code websocket.max.message.bytes} closes the connection (1009) and goes to the error strategy.
 *
 * <p>Public (in a private package) because Jetty calls the listener methods through a public lookup.
 */
public final class InboundEndpoint implements Session.Listener {
    private static final System.Logger LOG = System.getLogger(InboundEndpoint.class.getName());

    /** What happens when the connection opens and closes. */
    interface Events {
        void opened(InboundEndpoint endpoint);

        void closed(InboundEndpoint endpoint, int code, String reason);
    }

    private final String owner;
    private final Pump pump;
    private final boolean bytes;
    private final long maxMessageBytes;
    private final long idleTimeoutMillis;
    private final Events events;
    private volatile Session session;
    private volatile String peer = "?";
    private long messages;

    InboundEndpoint(String owner, Pump pump, boolean bytes, long maxMessageBytes, long idleTimeoutMillis, Events events) {
        this.owner = owner;
        this.pump = pump;
        this.bytes = bytes;
        this.maxMessageBytes = maxMessageBytes;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.events = events;
    }

    String peer() {
        return peer;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        peer = address(s);
        s.setMaxTextMessageSize(maxMessageBytes);
        s.setMaxBinaryMessageSize(maxMessageBytes);
        s.setIdleTimeout(Duration.ofMillis(idleTimeoutMillis));
        events.opened(this);
        s.demand();
    }

    @Override
    public void onWebSocketText(String message) {
        deliver(bytes ? message.getBytes(StandardCharsets.UTF_8) : message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] data = new byte[payload.remaining()];
        payload.get(data);
        callback.succeed();
        deliver(bytes ? data : new String(data, StandardCharsets.UTF_8));
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        Session s = session;
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
        s.sendPong(copy, Callback.NOOP);
        s.demand();
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        session.demand();
    }

    private void deliver(Object payload) {
        long n = ++messages; // Jetty delivers one message at a time per connection (demand)
        Map<String, String> headers = Map.of(SourceListener.LOCATION, "websocket " + peer + " message " + n);
        Session s = session;
        pump.hand(payload, headers, s::demand, () -> s.close(StatusCode.SERVER_ERROR, "the app failed", Callback.NOOP));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (cause instanceof MessageTooLargeException) {
            pump.unreadable("", "websocket message from " + peer + " is larger than websocket.max.message.bytes ("
                    + maxMessageBytes + "); the connection is closed (1009): " + cause.getMessage(),
                    Map.of(SourceListener.LOCATION, "websocket " + peer + " message " + (messages + 1)));
            return;
        }
        LOG.log(Level.INFO, "{0}: websocket connection with {1} failed: {2}", owner, peer, String.valueOf(cause));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        events.closed(this, statusCode, reason);
    }

    /** Closes the connection (1001 going away): the source stops. */
    void close() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(StatusCode.SHUTDOWN, "eventflux source stopping", Callback.NOOP);
        }
    }

    static String address(Session s) {
        java.net.SocketAddress a = s.getRemoteSocketAddress();
        if (a instanceof java.net.InetSocketAddress inet) {
            return (inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress()) + ":"
                    + inet.getPort();
        }
        return String.valueOf(a);
    }
}
