package io.eventflux.connector.websocket.internal;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The path of one server source: makes an endpoint per client and closes them all when the source stops. */
final class WsRoute implements InboundEndpoint.Events {
    private static final System.Logger LOG = System.getLogger(WsRoute.class.getName());

    private final ServerSettings settings;
    private final Pump pump;
    private final Set<InboundEndpoint> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    WsRoute(ServerSettings settings, Pump pump) {
        this.settings = settings;
        this.pump = pump;
    }

    ServerSettings settings() {
        return settings;
    }

    /** A new client's endpoint, or null when the source is stopping. */
    InboundEndpoint newEndpoint() {
        if (closed) {
            return null;
        }
        return new InboundEndpoint(settings.owner(), pump, settings.bytes(), settings.maxMessageBytes(),
                settings.idleTimeoutMillis(), this);
    }

    @Override
    public void opened(InboundEndpoint endpoint) {
        open.add(endpoint);
        if (closed) {
            endpoint.close();
        }
        LOG.log(Level.DEBUG, "{0}: websocket client {1} connected", settings.owner(), endpoint.peer());
    }

    @Override
    public void closed(InboundEndpoint endpoint, int code, String reason) {
        open.remove(endpoint);
    }

    int clients() {
        return open.size();
    }

    void pause(boolean pause) {
        pump.pause(pause);
    }

    /** No listener call after it returns; every client is told the source goes away (1001). */
    void close() {
        closed = true;
        pump.close();
        for (InboundEndpoint e : open) {
            e.close();
        }
    }
}
