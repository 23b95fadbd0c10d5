package io.eventflux.connector.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSourceTest {
    private static final StreamSchema ORDERS = new StreamSchema("Orders", List.of(
            new Attribute("id", AttributeType.STRING), new Attribute("amount", AttributeType.DOUBLE)));

    private final WebhookServers servers = new WebhookServers();
    private final HttpSourceFactory factory = new HttpSourceFactory(servers);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Source> started = new ArrayList<>();
    private final int port = Await.freePort();

    @AfterEach
    void stopAll() {
        started.forEach(Source::stop);
        servers.close();
    }

    private static ConnectorSpec spec(String app, StreamSchema schema, String... kv) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        return new ConnectorSpec(app, schema, options);
    }

    private Source start(SourceListener listener, String... kv) throws Exception {
        List<String> all = new ArrayList<>(List.of("http.port", String.valueOf(port)));
        all.addAll(List.of(kv));
        Source source = factory.create(spec("shop", ORDERS, all.toArray(String[]::new)));
        source.start(listener);
        started.add(source);
        return source;
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postIsAcceptedWith202AndHandedOverWithItsLocation() throws Exception {
        CollectingListener listener = new CollectingListener();
        start(listener, "http.path", "/orders");

        HttpResponse<String> r = post("/orders/", "{\"id\":\"a\",\"amount\":1.5}", "Content-Type", "application/json");

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(listener.payloads()).containsExactly("{\"id\":\"a\",\"amount\":1.5}");
        assertThat(listener.received.get(0).headers().get(SourceListener.LOCATION))
                .startsWith("http POST /orders from 127.0.0.1:");
    }

    @Test
    void defaultPathIsTheStreamNameAndFormatBytesHandsRawBytes() throws Exception {
        CollectingListener listener = new CollectingListener();
        start(listener, "format", "bytes");

        assertThat(post("/Orders", "héllo").statusCode()).isEqualTo(202);

        assertThat(listener.payloads()).hasSize(1);
        assertThat((byte[]) listener.payloads().get(0)).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void missingOrWrongTokenGets401AndNothingIsHandedOver() throws Exception {
        CollectingListener listener = new CollectingListener();
        start(listener, "http.path", "/orders", "http.auth.token", "s3cret-token");

        HttpResponse<String> none = post("/orders", "x");
        HttpResponse<String> wrong = post("/orders", "x", "Authorization", "Bearer s3cret-tokeN");
        HttpResponse<String> prefix = post("/orders", "x", "Authorization", "Bearer s3cret");
        HttpResponse<String> basic = post("/orders", "x", "Authorization", "Basic s3cret-token");
        HttpResponse<String> right = post("/orders", "ok", "Authorization", "Bearer s3cret-token");

        assertThat(List.of(none.statusCode(), wrong.statusCode(), prefix.statusCode(), basic.statusCode()))
                .containsOnly(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"eventflux\"");
        assertThat(none.body()).doesNotContain("s3cret");
        assertThat(right.statusCode()).as(right.body() + right.request().headers()).isEqualTo(202);
        assertThat(listener.payloads()).containsExactly("ok");
    }

    @Test
    void bodyOverTheLimitGets413WithOrWithoutContentLength() throws Exception {
        CollectingListener listener = new CollectingListener();
        start(listener, "http.path", "/orders", "http.max.body.bytes", "10");

        HttpResponse<String> declared = post("/orders", "01234567890");
        byte[] eleven = "01234567890".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(eleven))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> fits = post("/orders", "0123456789");

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("larger than 10 bytes");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(fits.statusCode()).isEqualTo(202);
        assertThat(listener.payloads()).containsExactly("0123456789");
    }

    @Test
    void unmappablePayloadGets400WithTheMappersReason() throws Exception {
        CollectingListener listener = new CollectingListener(
                p -> p.toString().startsWith("{") ? null : "attribute 'amount': 'abc' is not a DOUBLE");
        start(listener, "http.path", "/orders");

        HttpResponse<String> bad = post("/orders", "abc");
        HttpResponse<String> good = post("/orders", "{}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("stream Orders: attribute 'amount': 'abc' is not a DOUBLE\n");
        assertThat(good.statusCode()).isEqualTo(202);
        assertThat(listener.payloads()).containsExactly("{}");
    }

    @Test
    void unknownPathGets404AndOtherMethodsGet405() throws Exception {
        start(new CollectingListener(), "http.path", "/orders");

        HttpResponse<String> unknown = post("/nope", "x");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no stream listens on /nope");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void fullAppGets503WithRetryAfterAndTheRetryIsTaken() throws Exception {
        CollectingListener listener = new CollectingListener();
        start(listener, "http.path", "/orders");
        listener.full = true;

        HttpResponse<String> busy = post("/orders", "p1");
        listener.full = false;
        HttpResponse<String> retried = post("/orders", "p1");

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(listener.payloads()).containsExactly("p1");
    }

    @Test
    void pausedSourceAnswers503AndResumes() throws Exception {
        CollectingListener listener = new CollectingListener();
        Source source = start(listener, "http.path", "/orders");

        source.pause();
        int paused = post("/orders", "a").statusCode();
        source.resume();
        int resumed = post("/orders", "b").statusCode();

        assertThat(paused).isEqualTo(503);
        assertThat(resumed).isEqualTo(202);
        assertThat(listener.payloads()).containsExactly("b");
    }

    @Test
    void streamsOfTwoAppsShareOnePortAndStopIndependently() throws Exception {
        CollectingListener orders = new CollectingListener();
        CollectingListener refunds = new CollectingListener();
        Source first = start(orders, "http.path", "/orders");
        Source other = factory.create(spec("billing", new StreamSchema("Refunds", ORDERS.attributes()),
                "http.port", String.valueOf(port), "http.path", "/refunds"));
        other.start(refunds);
        started.add(other);

        assertThat(servers.listening()).containsExactly("127.0.0.1:" + port);
        assertThat(post("/orders", "o1").statusCode()).isEqualTo(202);
        assertThat(post("/refunds", "r1").statusCode()).isEqualTo(202);
        assertThat(orders.payloads()).containsExactly("o1");
        assertThat(refunds.payloads()).containsExactly("r1");

        first.stop();
        assertThat(post("/orders", "o2").statusCode()).isEqualTo(404);
        assertThat(post("/refunds", "r2").statusCode()).isEqualTo(202);
        assertThat(refunds.payloads()).containsExactly("r1", "r2");

        other.stop();
        assertThat(servers.listening()).isEmpty();
        assertThatThrownBy(() -> post("/refunds", "r3")).isInstanceOf(ConnectException.class);

        first.start(orders); // a stopped source starts again (engine restart after a connection loss)
        assertThat(post("/orders", "o3").statusCode()).isEqualTo(202);
        assertThat(orders.payloads()).containsExactly("o1", "o3");
    }

    @Test
    void aPathTakenOnThePortIsAClearError() throws Exception {
        start(new CollectingListener(), "http.path", "/orders");
        Source clash = factory.create(spec("billing", new StreamSchema("Refunds", ORDERS.attributes()),
                "http.port", String.valueOf(port), "http.path", "/orders/"));

        assertThatThrownBy(() -> clash.start(new CollectingListener()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stream Refunds of app billing: http.path '/orders' on 127.0.0.1:" + port
                        + " is already used by stream Orders of app shop; give one of them another http.path or http.port");
        assertThat(post("/orders", "still mine").statusCode()).isEqualTo(202);
    }

    @Test
    void aPortTakenByAnotherProcessIsAClearError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Source source = factory.create(spec("shop", ORDERS, "http.port", String.valueOf(port)));
            assertThatThrownBy(() -> source.start(new CollectingListener()))
                    .hasMessageStartingWith("http webhook: cannot listen on 127.0.0.1:" + port);
            assertThat(servers.listening()).isEmpty();
        }
    }

    @Test
    void badOptionsNameTheStreamAndTheKey() {
        assertThatThrownBy(() -> factory.create(spec("shop", ORDERS, "http.mode", "push")))
                .hasMessage("stream Orders: option 'http.mode' must be webhook or poll, was 'push'");
        assertThatThrownBy(() -> factory.create(spec("shop", ORDERS, "http.port", "70000")))
                .hasMessage("stream Orders: option 'http.port' must be a port number from 1 to 65535, was '70000'");
        assertThatThrownBy(() -> factory.create(spec("shop", ORDERS, "http.path", "orders")))
                .hasMessageContaining("option 'http.path' must be a path starting with '/'");
        assertThatThrownBy(() -> factory.create(spec("shop", ORDERS, "http.max.body.bytes", "0")))
                .hasMessage("stream Orders: option 'http.max.body.bytes' must be positive, was '0'");
    }

    @Test
    void theTokenHasNoReadableForm() {
        BearerToken token = new BearerToken("s3cret-token");
        assertThat(token.toString()).doesNotContain("s3cret");
        assertThat(token.matches("bearer s3cret-token")).isTrue();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches("Bearer")).isFalse();
    }
}
