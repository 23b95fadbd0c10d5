package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import io.eventflux.api.io.SourceListener;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The http connector in Felix: its DS components register the source and sink factories (the webhook
 * server registry is a component of the bundle), and Jetty's server and client bundles, with slf4j found
 * through SPI Fly, work there: a sink POSTs to a webhook of the same bundle, and an app deployed through the
 * EventFlux service runs a webhook source into an http sink.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HttpConnectorIT {
    private static final StreamSchema SCHEMA = new StreamSchema("Orders", List.of(
            new Attribute("id", AttributeType.STRING)));

    @Inject
    private BundleContext context;

    @Inject
    private EventFlux eventFlux;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void aSinkPostsToAWebhookInsideFelix() throws Exception {
        SourceFactory sources = (SourceFactory) Await.service(context, "(&(objectClass=" + SourceFactory.class.getName()
                + ")(" + Extension.PREFIX_ + "name=http))");
        SinkFactory sinks = (SinkFactory) Await.service(context, "(&(objectClass=" + SinkFactory.class.getName()
                + ")(" + Extension.PREFIX_ + "name=http))");
        int port = freePort();
        Source webhook = sources.create(new ConnectorSpec("itest", SCHEMA, Map.of(
                "http.port", String.valueOf(port), "http.path", "/orders", "http.auth.token", "itest-token")));
        Collecting listener = new Collecting();
        webhook.start(listener);
        try {
            Sink sink = sinks.create(new ConnectorSpec("itest", SCHEMA, Map.of(
                    "http.url", "http://127.0.0.1:" + port + "/orders", "http.auth.token", "itest-token")));
            Sink intruder = sinks.create(new ConnectorSpec("itest", SCHEMA, Map.of(
                    "http.url", "http://127.0.0.1:" + port + "/orders", "http.retry.max-attempts", "1")));
            sink.start();
            intruder.start();
            try {
                sink.publish("{\"id\":\"o1\"}", new Event(1, new Object[] {"o1"}));
                try {
                    intruder.publish("{\"id\":\"x\"}", new Event(2, new Object[] {"x"}));
                    fail("a request without the token was accepted");
                } catch (java.io.IOException expected) {
                    assertTrue(expected.getMessage(), expected.getMessage().contains("answered 401"));
                }
            } finally {
                sink.stop();
                intruder.stop();
            }
        } finally {
            webhook.stop();
        }
        assertEquals(List.of("{\"id\":\"o1\"}"), listener.payloads);
        assertTrue(jettyBundlesActive());
    }

    /** The engine runs an app whose source is a webhook and whose sink POSTs to another webhook. */
    @Test
    public void anAppFromWebhookToHttpSinkRunsInFelix() throws Exception {
        SourceFactory sources = (SourceFactory) Await.service(context, "(&(objectClass=" + SourceFactory.class.getName()
                + ")(" + Extension.PREFIX_ + "name=http))");
        int in = freePort();
        int out = freePort();
        Source receiver = sources.create(new ConnectorSpec("itest", SCHEMA, Map.of(
                "http.port", String.valueOf(out), "http.path", "/shipped")));
        Collecting shipped = new Collecting();
        receiver.start(shipped);
        AppRuntime app = eventFlux.deploy("""
                CREATE STREAM Orders (id STRING, amount DOUBLE) WITH ('type' = 'source', 'extension' = 'http',
                    'format' = 'json', 'http.port' = '%d', 'http.path' = '/orders');
                CREATE STREAM Shipped (id STRING, total DOUBLE) WITH ('type' = 'sink', 'extension' = 'http',
                    'format' = 'json', 'http.url' = 'http://127.0.0.1:%d/shipped');
                INSERT INTO Shipped SELECT id, amount * 2 AS total FROM Orders;
                """.formatted(in, out), DeployOptions.defaults().withName("itest-http"));
        try {
            assertEquals(202, post("http://127.0.0.1:" + in + "/orders", "{\"id\":\"o1\",\"amount\":1.5}"));
            assertEquals(400, post("http://127.0.0.1:" + in + "/orders", "{\"id\":\"o2\",\"amount\":\"x\"}"));
            Await.until("the shipped order", () -> shipped.payloads.isEmpty() ? null : shipped.payloads);
            assertEquals(List.of("{\"id\":\"o1\",\"total\":3.0}"), shipped.payloads);
        } finally {
            eventFlux.undeploy(app.name());
            receiver.stop();
        }
    }

    private static int post(String url, String body) throws java.io.IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(url).openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (java.io.OutputStream o = c.getOutputStream()) {
            o.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        c.disconnect();
        return status;
    }

    private boolean jettyBundlesActive() {
        int active = 0;
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (("org.eclipse.jetty.server".equals(name) || "org.eclipse.jetty.client".equals(name))
                    && b.getState() == Bundle.ACTIVE) {
                active++;
            }
        }
        return active == 2;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static final class Collecting implements SourceListener {
        final List<Object> payloads = new CopyOnWriteArrayList<>();

        @Override
        public void onPayload(Object payload, Map<String, String> headers) {
            payloads.add(payload);
        }

        @Override
        public boolean offer(Object payload, Map<String, String> headers) {
            payloads.add(payload);
            return true;
        }

        @Override
        public CompletionStage<Void> processed() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onConnectionLost(Throwable cause) {
        }
    }
}
