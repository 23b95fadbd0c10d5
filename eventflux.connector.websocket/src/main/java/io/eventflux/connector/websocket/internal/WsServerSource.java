package io.eventflux.connector.websocket.internal;

import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.lang.System.Logger.Level;

/** {@code websocket.mode = server}: a path on a (shared) local WebSocket server; any number of clients. */
final class WsServerSource implements Source {
    private static final System.Logger LOG = System.getLogger(WsServerSource.class.getName());

    private final ServerSettings settings;
    private final WsServers servers;
    private WsRoute route;
    private AutoCloseable registration;

    WsServerSource(ServerSettings settings, WsServers servers) {
        this.settings = settings;
        this.servers = servers;
    }

    @Override
    public synchronized void start(SourceListener listener) throws Exception {
        if (registration != null) {
            return;
        }
        WsRoute r = new WsRoute(settings, new Pump(settings.owner(), "eventflux-ws-source-" + settings.stream()
                + "-retry", listener));
        try {
            registration = servers.register(settings, r);
        } catch (Exception e) {
            r.close();
            throw e;
        }
        route = r;
        LOG.log(Level.INFO, "{0}: websocket source on ws://{1}:{2}{3}", settings.owner(), settings.host(),
                String.valueOf(settings.port()), settings.path());
    }

    @Override
    public synchronized void stop() {
        if (registration == null) {
            return;
        }
        route.close();
        try {
            registration.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, settings.owner() + ": closing the websocket path failed", e);
        }
        registration = null;
        route = null;
    }

    @Override
    public synchronized void pause() {
        if (route != null) {
            route.pause(true);
        }
    }

    @Override
    public synchronized void resume() {
        if (route != null) {
            route.pause(false);
        }
    }

    /** Clients connected now (for tests and diagnostics). */
    synchronized int clients() {
        return route == null ? 0 : route.clients();
    }

    @Override
    public String toString() {
        return "websocket server source " + settings.host() + ":" + settings.port() + settings.path() + " ("
                + settings.owner() + ")";
    }
}
