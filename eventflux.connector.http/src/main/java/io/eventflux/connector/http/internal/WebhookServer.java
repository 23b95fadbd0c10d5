package io.eventflux.connector.http.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One Jetty server on one host and port, routing each exact path to the webhook of one stream. Jetty's
 * core handler API: no servlet container.
 */
final class WebhookServer {
    private static final System.Logger LOG = System.getLogger(WebhookServer.class.getName());

    private final String host;
    private final int port;
    private final Map<String, WebhookRoute> routes = new ConcurrentHashMap<>();
    private final Server server;

    WebhookServer(String host, int port) {
        this.host = host;
        this.port = port;
        // Small pool: webhooks hand payloads over without blocking, so few threads keep up.
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("eventflux-http-" + port);
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        // Jetty's parser reuses a cached header field whose value matches ignoring case: on a kept-alive
        // connection "Bearer abC" would then arrive as an earlier "Bearer abc", defeating the token check.
        config.setHeaderCacheCaseSensitive(true);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                route(request, response, callback);
                return true;
            }
        });
        server.setStopTimeout(0);
    }

    /** Binds and starts. @throws IOException naming the host and port when it cannot listen */
    void listen() throws IOException {
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new IOException("http webhook: cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "http webhook server listening on {0}:{1}", host, String.valueOf(port));
    }

    void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "http webhook server on " + host + ":" + port + " did not stop cleanly", e);
        }
    }

    /** @throws IllegalStateException when the path is taken, naming the stream that has it */
    void add(String path, WebhookRoute route) {
        WebhookRoute previous = routes.putIfAbsent(path, route);
        if (previous != null) {
            throw new IllegalStateException(route.settings().owner() + ": http.path '" + path + "' on " + host + ":"
                    + port + " is already used by " + previous.settings().owner()
                    + "; give one of them another http.path or http.port");
        }
    }

    /** Removes the route if it is still the one on that path. */
    boolean remove(String path, WebhookRoute route) {
        return routes.remove(path, route);
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }

    private void route(Request request, Response response, Callback callback) {
        String path = WebhookSettings.normalizePath(Request.getPathInContext(request));
        WebhookRoute route = routes.get(path);
        if (route == null) {
            WebhookResponses.send(response, callback, HttpStatus.NOT_FOUND_404, "no stream listens on " + path);
        } else if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            WebhookResponses.send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    request.getMethod() + " is not allowed on " + path + ": POST the payload");
        } else {
            route.handle(request, response, callback, path);
        }
    }
}
