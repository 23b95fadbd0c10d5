package io.eventflux.connector.websocket.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * One Jetty server on one host and port, upgrading requests on each stream's exact path to a WebSocket
 * connection of that stream (Jetty's core handlers and WebSocket container: no servlets). A request on
 * another path gets 404, one that is not an upgrade 400.
 */
final class WsServer {
    private static final System.Logger LOG = System.getLogger(WsServer.class.getName());

    private final String host;
    private final int port;
    private final Map<String, WsRoute> routes = new ConcurrentHashMap<>();
    private final Server server;
    private final ServerWebSocketContainer container;

    WsServer(String host, int port) {
        this.host = host;
        this.port = port;
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("eventflux-ws-" + port);
        threads.setDaemon(true);
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        container = ServerWebSocketContainer.ensure(server);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                route(request, response, callback);
                return true;
            }
        });
        server.setStopTimeout(1_000);
    }

    /** Binds and starts. @throws IOException naming the host and port when it cannot listen */
    void listen() throws IOException {
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new IOException("websocket source: cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "websocket server listening on {0}:{1}", host, String.valueOf(port));
    }

    void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "websocket server on " + host + ":" + port + " did not stop cleanly", e);
        }
    }

    /** @throws IllegalStateException when the path is taken, naming the stream that has it */
    void add(String path, WsRoute route) {
        WsRoute previous = routes.putIfAbsent(path, route);
        if (previous != null) {
            throw new IllegalStateException(route.settings().owner() + ": websocket.path '" + path + "' on " + host
                    + ":" + port + " is already used by " + previous.settings().owner()
                    + "; give one of them another websocket.path or websocket.port");
        }
    }

    boolean remove(String path, WsRoute route) {
        return routes.remove(path, route);
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }

    private void route(Request request, Response response, Callback callback) {
        String path = ServerSettings.normalizePath(Request.getPathInContext(request));
        WsRoute route = routes.get(path);
        if (route == null) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404, "no stream listens on " + path);
            return;
        }
        boolean upgraded = container.upgrade((rq, rs, cb) -> {
            InboundEndpoint endpoint = route.newEndpoint();
            if (endpoint == null) {
                Response.writeError(rq, rs, cb, HttpStatus.SERVICE_UNAVAILABLE_503, "the stream is stopping");
            }
            return endpoint;
        }, request, response, callback);
        if (!upgraded) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400,
                    "a WebSocket upgrade is expected on " + path);
        }
    }
}
