package io.eventflux.connector.websocket.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A real external WebSocket server for the tests (Jetty): records the text and binary messages it receives
 * on {@code /ws} and can push text messages to every connected client.
 */
public final class TestWsServer implements AutoCloseable {
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final Server server = new Server();

    TestWsServer(int port) throws Exception {
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> container.addMapping("/ws",
                (rq, rs, cb) -> new Recorder(this))));
        server.start();
    }

    String url() {
        return "ws://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/ws";
    }

    int open() {
        return sessions.size();
    }

    /** Sends the text to every connected client and waits until it is written. */
    void push(String text) throws Exception {
        for (Session s : sessions) {
            Callback.Completable done = new Callback.Completable();
            s.sendText(text, done);
            done.get(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** One client's connection: records what it sends. */
    public static final class Recorder extends Session.Listener.AbstractAutoDemanding {
        private final TestWsServer server;

        Recorder(TestWsServer server) {
            this.server = server;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            server.sessions.add(session);
            server.connections.incrementAndGet();
        }

        @Override
        public void onWebSocketText(String message) {
            server.received.add(message);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            byte[] b = new byte[payload.remaining()];
            payload.get(b);
            server.received.add("binary:" + new String(b, java.nio.charset.StandardCharsets.UTF_8));
            callback.succeed();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            server.sessions.remove(getSession());
        }
    }
}
