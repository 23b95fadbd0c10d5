package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
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
 * through SPI Fly, work there: a sink POSTs to a webhook of the same bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HttpConnectorIT {
    private static final StreamSchema SCHEMA = new StreamSchema("Orders", List.of(
            new Attribute("id", AttributeType.STRING)));

    @Inject
    private BundleContext context;

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
