package io.eventflux.connector.websocket.internal;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** Real external WebSocket clients for the tests (Jetty's client), recording what the server tells them. */
public final class WsClients implements AutoCloseable {
    private final WebSocketClient client = new WebSocketClient();
    final List<String> closes = new CopyOnWriteArrayList<>();

    WsClients() throws Exception {
        client.start();
    }

    Session connect(String url) throws Exception {
        return client.connect(new Closes(closes), URI.create(url)).get(10, TimeUnit.SECONDS);
    }

    static void text(Session s, String text) throws Exception {
        Callback.Completable done = new Callback.Completable();
        s.sendText(text, done);
        done.get(10, TimeUnit.SECONDS);
    }

    static void binary(Session s, byte[] bytes) throws Exception {
        Callback.Completable done = new Callback.Completable();
        s.sendBinary(ByteBuffer.wrap(bytes), done);
        done.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }

    /** A client's connection: records how the server closed it. */
    public static final class Closes extends Session.Listener.AbstractAutoDemanding {
        private final List<String> closes;

        Closes(List<String> closes) {
            this.closes = closes;
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            closes.add(statusCode + " " + reason);
        }
    }
}
