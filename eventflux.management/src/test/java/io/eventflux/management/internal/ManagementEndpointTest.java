package io.eventflux.management.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management API on a real Jetty server (a free port on 127.0.0.1) over a stand-in management
 * service: routing, status codes, the bearer token, JSON errors with line and column, readiness,
 * Prometheus text, and the deploy folder's install / broken update / uninstall.
 */
class ManagementEndpointTest {
    private static final String TOKEN = "t0ken";

    @TempDir
    Path dir;

    private final StandInRuntime runtime = new StandInRuntime();
    private final HttpClient http = HttpClient.newHttpClient();
    private DeployFolder folder;
    private HttpEndpoint endpoint;
    private String base;

    private void start(String token) throws Exception {
        AppDeployer deployer = new AppDeployer(runtime, runtime.compiler(), io.eventflux.api.DeployOptions.defaults());
        folder = new DeployFolder(deployer, Logger.getLogger("test"));
        ServerSettings settings = ServerSettings.from(token == null ? Map.of("eventflux.http.port", "0")
                : Map.of("eventflux.http.port", "0", "eventflux.http.token", token), key -> null);
        endpoint = new HttpEndpoint(settings, new ManagementApi(runtime, deployer, folder));
        endpoint.start();
        base = "http://127.0.0.1:" + endpoint.port();
    }

    @AfterEach
    void stop() throws Exception {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void deployStatusSendQueryUndeploy() throws Exception {
        start(null);
        HttpResponse<String> created = call("PUT", "/api/apps/A", "app RUNNING", null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"name\":\"A\"").contains("\"state\":\"RUNNING\"");
        assertThat(call("PUT", "/api/apps/A", "app RUNNING", null).statusCode()).as("redeploy").isEqualTo(200);
        assertThat(call("POST", "/api/apps/A/streams/In", "{\"x\":1}", null).body()).isEqualTo("{\"sent\":1}");
        HttpResponse<String> badStream = call("POST", "/api/apps/A/streams/Nope", "{}", null);
        assertThat(badStream.statusCode()).isEqualTo(400);
        assertThat(badStream.body()).contains("no stream 'Nope'");
        assertThat(call("POST", "/api/apps/A/query", "SELECT n FROM T", null).body())
                .isEqualTo("{\"columns\":[\"n\"],\"rows\":[{\"n\":1}]}");
        assertThat(call("GET", "/api/apps/A", null, null).body()).contains("\"events\":1").contains("\"deployProblem\":null");
        assertThat(call("GET", "/api/extensions/window", null, null).body()).contains("\"name\":\"length\"");
        assertThat(call("DELETE", "/api/apps/A", null, null).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = call("GET", "/api/apps/A", null, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("no app named 'A' (deployed: none)");
        assertThat(call("DELETE", "/api/apps/A", null, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/apps", null, null).statusCode()).isEqualTo(405);
        assertThat(call("GET", "/nope", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void compileErrorsCarryLineAndColumnAndKeepTheRunningVersion() throws Exception {
        start(null);
        call("PUT", "/api/apps/A", "app RUNNING", null);
        HttpResponse<String> broken = call("PUT", "/api/apps/A", "app RUNNING error", null);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("the deployed version keeps running").contains("\"line\":2").contains("\"column\":5")
                .contains("\"offendingName\":\"error\"");
        assertThat(runtime.apps()).hasSize(1);
    }

    @Test
    void readinessNamesWhatIsNotRunning() throws Exception {
        start(null);
        call("PUT", "/api/apps/A", "app RUNNING", null);
        call("PUT", "/api/apps/S", "app STOPPED", null);
        HttpResponse<String> ready = call("GET", "/ready", null, null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"READY\"");
        call("PUT", "/api/apps/W", "app WAITING", null);
        call("PUT", "/api/apps/F", "app FAILED", null);
        HttpResponse<String> notReady = call("GET", "/ready", null, null);
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("app 'W' is WAITING for window:hello").contains("app 'F' FAILED: boom");
        assertThat(call("GET", "/health", null, null).body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void metricsInPrometheusTextFormat() throws Exception {
        start(null);
        call("PUT", "/api/apps/A", "app RUNNING", null);
        call("POST", "/api/apps/A/streams/In", "{}", null);
        HttpResponse<String> metrics = call("GET", "/metrics", null, null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body()).contains("# TYPE eventflux_app_events_in_total counter")
                .contains("eventflux_app_events_in_total{app=\"A\"} 1.0")
                .contains("eventflux_stream_events_total{app=\"A\",direction=\"in\",stream=\"In\"} 1.0")
                .contains("eventflux_app_late_events_total{app=\"A\"} 1.0")
                .contains("eventflux_stream_late_events_total{app=\"A\",direction=\"in\",stream=\"In\"} 1.0")
                .contains("eventflux_app_state{app=\"A\",state=\"RUNNING\"} 1.0")
                .contains("eventflux_app_ring_fill_ratio{app=\"A\"} 0.25")
                .contains("eventflux_apps{state=\"RUNNING\"} 1.0");
        // a classic histogram of query Q: one chunk of 2 ms
        assertThat(metrics.body()).contains("# TYPE eventflux_query_latency_seconds histogram")
                .contains("eventflux_query_latency_seconds_bucket{app=\"A\",query=\"Q\",le=\"0.001\"} 0\n")
                .contains("eventflux_query_latency_seconds_bucket{app=\"A\",query=\"Q\",le=\"0.01\"} 1\n")
                .contains("eventflux_query_latency_seconds_bucket{app=\"A\",query=\"Q\",le=\"+Inf\"} 1\n")
                .contains("eventflux_query_latency_seconds_count{app=\"A\",query=\"Q\"} 1\n")
                .contains("eventflux_query_latency_seconds_sum{app=\"A\",query=\"Q\"} 0.002\n");
    }

    @Test
    void bearerTokenGuardsApiAndMetricsButNotProbes() throws Exception {
        start(TOKEN);
        HttpResponse<String> anonymous = call("GET", "/api/apps", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(anonymous.body()).doesNotContain(TOKEN);
        assertThat(call("GET", "/metrics", null, "wrong").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/metrics", null, TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/apps", null, TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/health", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/ready", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void deployFolderInstallBrokenUpdateUninstall() throws Exception {
        start(null);
        Path file = dir.resolve("orders.sql");
        Files.writeString(file, "app RUNNING");
        folder.install(file.toFile());
        assertThat(runtime.apps()).extracting(a -> a.name()).containsExactly("orders");
        Path next = Files.writeString(dir.resolve("next"), "app RUNNING\nSET error = 1");
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        folder.install(file.toFile());
        assertThat(runtime.apps()).extracting(a -> a.name()).containsExactly("orders");
        HttpResponse<String> status = call("GET", "/api/apps/orders", null, null);
        String nl = System.lineSeparator().replace("\n", "\\n").replace("\r", "\\r"); // as escaped in JSON
        assertThat(status.body()).contains("deploy/orders.sql does not compile (the previous version keeps running)")
                .contains("line 2, column 5").contains(nl + "    SET error = 1" + nl + "        ^~~~~");
        HttpResponse<String> ready = call("GET", "/ready", null, null);
        assertThat(ready.statusCode()).as("the previous version serves").isEqualTo(200);
        assertThat(ready.body()).contains("\"warnings\":[\"deploy/orders.sql does not compile");
        assertThat(call("GET", "/metrics", null, null).body()).contains("eventflux_deploy_folder_problems 1.0");
        folder.uninstall(file.toFile());
        assertThat(runtime.apps()).isEmpty();
        assertThat(folder.problems()).isEmpty();

        Path fresh = dir.resolve("fresh.sql");
        Files.writeString(fresh, "@app:name('Fresh') app RUNNING error");
        folder.install(fresh.toFile());
        HttpResponse<String> notReady = call("GET", "/ready", null, null);
        assertThat(notReady.statusCode()).as("a new file that does not compile has no app").isEqualTo(503);
        assertThat(notReady.body()).contains("deploy/fresh.sql does not compile");
    }
}
