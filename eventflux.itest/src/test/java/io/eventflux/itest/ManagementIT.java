package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The management bundle in Felix: idle until the server-mode service appears (as {@code eventflux server}
 * registers it), then Jetty serves the REST API and Prometheus metrics over the engine's management
 * service; it stops serving when the service goes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ManagementIT {
    private static final String INSTALLER = "(&(objectClass=org.apache.felix.fileinstall.ArtifactInstaller)"
            + "(component.name=io.eventflux.management.internal.ServerModeComponent))";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void restAndMetricsInServerMode() throws Exception {
        assertEquals("no management API without server mode", 0,
                context.getServiceReferences("org.apache.felix.fileinstall.ArtifactInstaller", INSTALLER) == null ? 0 : 1);
        Path home = Files.createTempDirectory("eventflux-home");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("eventflux.server", "true");
        props.put("eventflux.server.home", home.toString());
        props.put("eventflux.http.port", "0");
        ServiceRegistration<Object> serverMode = context.registerService(Object.class, new Object(), props);
        try {
            Await.service(context, INSTALLER);
            String base = "http://127.0.0.1:" + Files.readString(home.resolve("state/http.port"), StandardCharsets.US_ASCII).trim();
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(201, send(http, "PUT", base + "/api/apps/Shop", """
                    @app:metrics(latency = 'all')
                    CREATE STREAM Trades (symbol STRING, price DOUBLE);
                    CREATE TABLE Latest (symbol STRING, price DOUBLE);
                    @info(name = 'latest')
                    INSERT INTO Latest SELECT symbol, price FROM Trades;
                    """).statusCode());
            assertEquals("{\"sent\":2}", send(http, "POST", base + "/api/apps/Shop/streams/Trades",
                    "[{\"symbol\":\"A\",\"price\":1.5},{\"symbol\":\"B\",\"price\":2}]").body());
            String rows = "";
            long deadline = System.nanoTime() + Await.TIMEOUT.toNanos();
            while (!rows.contains("\"B\"") && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                rows = send(http, "POST", base + "/api/apps/Shop/query", "SELECT symbol, price FROM Latest").body();
            }
            assertEquals("{\"columns\":[\"symbol\",\"price\"],\"rows\":[{\"symbol\":\"A\",\"price\":1.5},{\"symbol\":\"B\",\"price\":2.0}]}",
                    rows);
            String metrics = send(http, "GET", base + "/metrics", null).body();
            assertTrue(metrics, metrics.contains("eventflux_stream_events_total{app=\"Shop\",direction=\"in\",stream=\"Trades\"} 2.0"));
            assertTrue(metrics, metrics.contains("eventflux_app_state{app=\"Shop\",state=\"RUNNING\"} 1.0"));
            // the other figures the issue names: per-stream drops and errors, the ring, states
            assertTrue(metrics, metrics.contains("eventflux_stream_dropped_events_total{app=\"Shop\",direction=\"in\",stream=\"Trades\"} 0.0"));
            assertTrue(metrics, metrics.contains("eventflux_stream_errors_total{app=\"Shop\",direction=\"in\",stream=\"Trades\"} 0.0"));
            assertTrue(metrics, metrics.contains("eventflux_app_ring_capacity{app=\"Shop\"} "));
            assertTrue(metrics, metrics.contains("eventflux_app_ring_fill_ratio{app=\"Shop\"} "));
            assertTrue(metrics, metrics.contains("eventflux_app_state{app=\"Shop\",state=\"WAITING\"} 0.0"));
            // the two events were one chunk: the query's latency histogram (every chunk timed) counted it
            assertTrue(metrics, metrics.contains("eventflux_query_chunks_total{app=\"Shop\",query=\"latest\"} 1.0"));
            assertTrue(metrics, metrics.contains("eventflux_query_latency_sample_every{app=\"Shop\",query=\"latest\"} 1.0"));
            assertTrue(metrics, metrics.contains("# TYPE eventflux_query_latency_seconds histogram"));
            assertTrue(metrics, metrics.contains("eventflux_query_latency_seconds_bucket{app=\"Shop\",query=\"latest\",le=\"+Inf\"} 1\n"));
            assertTrue(metrics, metrics.contains("eventflux_query_latency_seconds_bucket{app=\"Shop\",query=\"latest\",le=\"10.0\"} 1\n"));
            assertTrue(metrics, metrics.contains("eventflux_query_latency_seconds_count{app=\"Shop\",query=\"latest\"} 1\n"));
            java.util.regex.Matcher sum = java.util.regex.Pattern.compile(
                    "eventflux_query_latency_seconds_sum\\{app=\"Shop\",query=\"latest\"\\} (\\S+)\n").matcher(metrics);
            assertTrue(metrics, sum.find());
            double seconds = Double.parseDouble(sum.group(1));
            assertTrue(sum.group(1), seconds > 0 && seconds < 10);
            assertEquals(200, send(http, "GET", base + "/ready", null).statusCode());

            // server mode persists apps under HOME/state/snapshots: a snapshot is a stored revision
            String taken = send(http, "POST", base + "/api/apps/Shop/snapshots", null).body();
            assertTrue(taken, taken.contains("\"stored\":true") && taken.contains("\"base\":null"));
            assertTrue(Files.isDirectory(home.resolve("state/snapshots/Shop")));
            String first = taken.replaceAll(".*\"revision\":\"([^\"]+)\".*", "$1");
            // a changed version: the table keeps its rows, the new windowed query starts empty
            HttpResponse<String> redeployed = send(http, "PUT", base + "/api/apps/Shop", """
                    CREATE STREAM Trades (symbol STRING, price DOUBLE);
                    CREATE TABLE Latest (symbol STRING, price DOUBLE);
                    INSERT INTO Latest SELECT symbol, price FROM Trades;
                    INSERT INTO Counts SELECT count() AS n FROM Trades WINDOW('length', 2);
                    """);
            assertEquals(redeployed.body(), 200, redeployed.statusCode());
            assertTrue(redeployed.body(), redeployed.body().contains("\"kept\":[\"table/Latest\"")
                    && redeployed.body().contains("\"startedEmpty\":[\"query-"));
            assertEquals("{\"columns\":[\"symbol\",\"price\"],\"rows\":[{\"symbol\":\"A\",\"price\":1.5},{\"symbol\":\"B\",\"price\":2.0}]}",
                    send(http, "POST", base + "/api/apps/Shop/query", "SELECT symbol, price FROM Latest").body());
            String listed = send(http, "GET", base + "/api/apps/Shop/snapshots", null).body();
            assertTrue(listed, listed.contains(first));
            // a revision of the first version cannot go into this one
            HttpResponse<String> refused = send(http, "POST", base + "/api/apps/Shop/restore", first);
            assertEquals(refused.body(), 409, refused.statusCode());
            assertTrue(refused.body(), refused.body().contains("another version of the app"));
            assertEquals(204, send(http, "DELETE", base + "/api/apps/Shop", null).statusCode());
        } finally {
            serverMode.unregister();
        }
        assertEquals("the API stops with server mode", null,
                context.getServiceReferences("org.apache.felix.fileinstall.ArtifactInstaller", INSTALLER));
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
