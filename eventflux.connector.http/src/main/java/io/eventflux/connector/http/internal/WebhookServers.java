package io.eventflux.connector.http.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The webhook servers of this bundle, one per host and port: streams (of any app) that listen on the same
 * port share one Jetty server, each on its own path. A server starts with its first route and stops when
 * its last route is closed.
 *
 * <p>A DS component so that the registry lives and dies with the bundle (no static state); outside OSGi
 * the source factory makes its own. It loads no Jetty class until the first webhook starts.
 */
@Component(service = WebhookServers.class)
public final class WebhookServers {
    private final Map<String, WebhookServer> servers = new HashMap<>();

    /**
     * Routes {@code settings.path()} on {@code settings.host():settings.port()} to {@code route}, starting the
     * server if it is the first route there.
     *
     * @return closing it removes the route (and stops the server when it was the last)
     * @throws IllegalStateException when another stream already listens on that path of that port
     * @throws Exception when the server cannot listen (port taken by another process, unknown host)
     */
    public synchronized AutoCloseable register(WebhookSettings settings, WebhookRoute route) throws Exception {
        String key = settings.host() + ":" + settings.port();
        WebhookServer server = servers.get(key);
        if (server == null) {
            server = new WebhookServer(settings.host(), settings.port());
            server.listen();
            servers.put(key, server);
        }
        WebhookServer owner = server;
        owner.add(settings.path(), route);
        return () -> unregister(key, owner, settings.path(), route);
    }

    private synchronized void unregister(String key, WebhookServer server, String path, WebhookRoute route) {
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
        // a loop, not a method reference: with no server running, shutdown links no Jetty class either
        for (WebhookServer server : servers.values()) {
            server.close();
        }
        servers.clear();
    }
}
