package io.eventflux.connector.websocket.internal;

import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * {@code websocket.mode = client}: connects to {@code websocket.url} and reads its messages. A connection
 * that the server closes, or that breaks, is reported with {@link SourceListener#onConnectionLost}: the
 * engine stops this source and starts it again with the stream's backoff ({@code error.retry.*}); a
 * failed start (server down) is retried the same way.
 */
final class WsClientSource implements Source {
    private static final System.Logger LOG = System.getLogger(WsClientSource.class.getName());

    private final ClientSettings settings;
    private WebSocketClient client;
    private Pump pump;
    private InboundEndpoint endpoint;
    private volatile boolean stopping;

    WsClientSource(ClientSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void start(SourceListener listener) throws IOException {
        if (client != null) {
            return;
        }
        stopping = false;
        String name = "eventflux-ws-source-" + settings.stream();
        Pump p = new Pump(settings.owner(), name + "-retry", listener);
        WebSocketClient c = JettyClients.start(name, settings);
        InboundEndpoint e = new InboundEndpoint(settings.owner(), p, settings.bytes(), settings.maxMessageBytes(),
                settings.idleTimeoutMillis(), new InboundEndpoint.Events() {
                    @Override
                    public void opened(InboundEndpoint endpoint) {
                        LOG.log(Level.INFO, "{0}: websocket source connected to {1}", settings.owner(),
                                settings.shownUrl());
                    }

                    @Override
                    public void closed(InboundEndpoint endpoint, int code, String reason) {
                        if (!stopping) {
                            listener.onConnectionLost(new IOException(settings.owner() + ": websocket "
                                    + settings.shownUrl() + " closed (" + code + (reason == null ? "" : " " + reason)
                                    + ")"));
                        }
                    }
                });
        try {
            JettyClients.connect(c, e, settings);
        } catch (IOException failed) {
            p.close();
            JettyClients.stop(c);
            throw failed;
        }
        client = c;
        pump = p;
        endpoint = e;
    }

    @Override
    public void stop() {
        WebSocketClient c;
        Pump p;
        InboundEndpoint e;
        synchronized (this) {
            stopping = true;
            c = client;
            p = pump;
            e = endpoint;
            client = null;
            pump = null;
            endpoint = null;
        }
        if (c == null) {
            return;
        }
        p.close();
        e.close();
        JettyClients.stop(c);
    }

    @Override
    public synchronized void pause() {
        if (pump != null) {
            pump.pause(true);
        }
    }

    @Override
    public synchronized void resume() {
        if (pump != null) {
            pump.pause(false);
        }
    }

    @Override
    public String toString() {
        return "websocket client source " + settings.shownUrl() + " (" + settings.owner() + ")";
    }
}
