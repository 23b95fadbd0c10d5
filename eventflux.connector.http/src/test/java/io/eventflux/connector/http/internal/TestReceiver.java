package io.eventflux.connector.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** A real local HTTP server for the tests: records every request and answers from a script (then 200). */
final class TestReceiver implements AutoCloseable {
    record Recorded(String method, String path, Map<String, String> headers, String body, long nanos, int status) {
    }

    record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        static Reply of(int status) {
            return new Reply(status, Map.of(), "", 0);
        }
    }

    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Reply otherwise = new Reply(200, Map.of(), "", 0);
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server, 1, 1);

    TestReceiver(int port) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (HttpField f : request.getHeaders()) {
                    headers.put(f.getName(), f.getValue());
                }
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                Reply reply = script.pollFirst();
                if (reply == null) {
                    reply = otherwise;
                }
                requests.add(new Recorded(request.getMethod(), Request.getPathInContext(request), headers, body,
                        System.nanoTime(), reply.status()));
                if (reply.delayMillis() > 0) {
                    closing.await(reply.delayMillis(), TimeUnit.MILLISECONDS);
                }
                response.setStatus(reply.status());
                reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
                Content.Sink.write(response, true, reply.body(), callback);
                return true;
            }
        });
        server.start();
    }

    /** Answers these replies in order, then {@link #otherwise}. */
    TestReceiver then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    TestReceiver otherwise(Reply reply) {
        this.otherwise = reply;
        return this;
    }

    /** The bodies this server answered with a 2xx, in arrival order. */
    List<String> delivered() {
        return requests.stream().filter(r -> r.status() < 300).map(Recorded::body).toList();
    }

    int port() {
        return connector.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() throws Exception {
        closing.countDown();
        server.stop();
    }
}
