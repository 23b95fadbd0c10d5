package io.eventflux.management.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The management API on a Jetty 12 core server (no servlets): one handler that checks the bearer token
 * and hands the request to {@link ManagementApi}. A small thread pool: this is an operator's API, not a
 * data path (events sent here go through the app's ring like any other).
 */
final class HttpEndpoint implements AutoCloseable {
    private static final long MAX_BODY = 16L * 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;

    HttpEndpoint(ServerSettings settings, ManagementApi api) {
        JettyMemoryHint.apply();
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName("eventflux-http");
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setHandler(new ApiHandler(api, settings.token()));
        server.setStopTimeout(2000);
    }

    /** Binds and starts serving. @throws Exception when the port cannot be bound */
    void start() throws Exception {
        server.start();
    }

    /** The bound port (the chosen one when configured as 0). */
    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class ApiHandler extends Handler.Abstract {
        private final ManagementApi api;
        private final byte[] token;

        ApiHandler(ManagementApi api, String token) {
            this.api = api;
            this.token = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            List<String> segments = Arrays.stream(Request.getPathInContext(request).split("/"))
                    .filter(s -> !s.isEmpty()).toList();
            Reply reply;
            try {
                if (token != null && ManagementApi.protectedPath(segments) && !authorized(request)) {
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
                    throw new HttpError(401, "a bearer token is required (Authorization: Bearer ...)");
                }
                reply = api.handle(request.getMethod(), segments, body(request));
            } catch (HttpError e) {
                reply = api.error(e);
            } catch (RuntimeException e) {
                reply = api.error(new HttpError(500, "internal error: " + e));
            }
            response.setStatus(reply.status());
            if (reply.body() == null) {
                callback.succeeded();
                return true;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }

        private boolean authorized(Request request) {
            String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            return header != null && MessageDigest.isEqual(token, header.getBytes(StandardCharsets.UTF_8));
        }

        private static String body(Request request) throws HttpError {
            String method = request.getMethod();
            if (!method.equals("PUT") && !method.equals("POST")) {
                return null;
            }
            if (request.getLength() > MAX_BODY) {
                throw new HttpError(413, "the request body is larger than " + MAX_BODY + " bytes");
            }
            try {
                return Content.Source.asString(request, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new HttpError(400, "cannot read the request body: " + e.getMessage());
            }
        }
    }
}
