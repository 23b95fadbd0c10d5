package io.eventflux.connector.websocket.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The websocket servers of this bundle, one per host and port: server-mode sources (of any app) on the same
 * port share one Jetty server, each on its own path. A server starts with its first route and stops when
 * its last route is closed. A DS component, so the registry lives and dies with the bundle; outside OSGi
 * the source factory makes its own. It loads no Jetty class until the first server starts.
 */
@Component(service = WsServers.class)
public final class WsServers {
    private final Map<String, WsServer> servers = new HashMap<>();

    /**
     * Routes the settings' path on their host and port, starting the server with the first route.
     *
     * @return closing it removes the route (and stops the server when it was the last)
     * @throws IllegalStateException when another stream listens on that path of that port
     * @throws Exception when the server cannot listen
     */
    synchronized AutoCloseable register(ServerSettings settings, WsRoute route) throws Exception {
        String key = settings.host() + ":" + settings.port();
        WsServer server = servers.get(key);
        if (server == null) {
            server = new WsServer(settings.host(), settings.port());
            server.listen();
            servers.put(key, server);
        }
        WsServer owner = server;
        try {
            owner.add(settings.path(), route);
        } catch (IllegalStateException clash) {
            if (owner.isEmpty()) {
                servers.remove(key);
                owner.close();
            }
            throw clash;
        }
        return () -> unregister(key, owner, settings.path(), route);
    }

    private synchronized void unregister(String key, WsServer server, String path, WsRoute route) {
        if (server.remove(path, route) && server.isEmpty() && servers.get(key) == server) {
            servers.remove(key);
            server.close();
        }
    }

    /** Host:port of each running server (for tests and diagnostics). */
    public synchronized List<String> listening() {
        return new ArrayList<>(servers.keySet());
    }

    /** Stops every server still running (bundle stopping). */
    @Deactivate
    public synchronized void close() {
        for (WsServer server : servers.values()) {
            server.close();
        }
        servers.clear();
    }
}
