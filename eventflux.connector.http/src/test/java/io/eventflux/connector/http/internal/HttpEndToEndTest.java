package io.eventflux.connector.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.engine.EventFluxRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real engine (plain Java) with the http connector and the json mapper: an HTTP client POSTs orders to
 * a webhook stream, a query doubles the amounts, and an http sink delivers them to a real local server
 * that fails for a while in the middle (503s, then connections reset while it is "down"). Nothing is lost.
 */
class HttpEndToEndTest {
    private static final String TOKEN = "e2e-token";

    private final WebhookServers servers = new WebhookServers();
    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int webhookPort = Await.freePort();
    private final int receiverPort = Await.freePort();
    private final List<AutoCloseable> open = new ArrayList<>();

    HttpEndToEndTest() {
        runtime.registry().add(new HttpSourceFactory(servers), HttpSourceFactory.class.getAnnotation(Extension.class));
        runtime.registry().add(new HttpSinkFactory(), HttpSinkFactory.class.getAnnotation(Extension.class));
    }

    @AfterEach
    void close() throws Exception {
        runtime.close();
        for (AutoCloseable c : open) {
            c.close();
        }
        servers.close();
    }

    private AppRuntime deploy() throws Exception {
        return runtime.deploy("""
                CREATE STREAM Dead (originalEvent STRING, errorMessage STRING, errorType STRING, timestamp LONG,
                    attemptCount INT, streamName STRING);
                CREATE STREAM Orders (id STRING, amount DOUBLE) WITH ('type' = 'source', 'extension' = 'http',
                    'format' = 'json', 'http.port' = '%d', 'http.path' = '/orders', 'http.auth.token' = '%s',
                    'error.strategy' = 'dlq', 'error.dlq.stream' = 'Dead');
                CREATE STREAM Shipped (id STRING, total DOUBLE) WITH ('type' = 'sink', 'extension' = 'http',
                    'format' = 'json', 'http.url' = 'http://127.0.0.1:%d/shipped', 'http.retry.max-attempts' = '200',
                    'http.retry.initial-delay' = '10', 'http.retry.max-delay' = '50');
                INSERT INTO Shipped SELECT id, amount * 2 AS total FROM Orders;
                """.formatted(webhookPort, TOKEN, receiverPort), DeployOptions.defaults().withName("shipping"));
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhookPort + "/orders"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs orders from..to-1 as a well-behaved sender: a 503 (app full) is sent again. */
    private void sendOrders(int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            String body = String.format(Locale.ROOT, "{\"id\":\"o%d\",\"amount\":%d.5}", i, i);
            int status = post(body).statusCode();
            for (int tries = 0; status == 503 && tries < 500; tries++) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // the app is full: back off a little
                status = post(body).statusCode();
            }
            assertThat(status).as("POST of order o%d", i).isEqualTo(202);
        }
    }

    private static String shipped(int i) {
        return String.format(Locale.ROOT, "{\"id\":\"o%d\",\"total\":%s}", i, Double.toString(i * 2 + 1.0));
    }

    private TestReceiver receiver() throws Exception {
        TestReceiver r = new TestReceiver(receiverPort);
        open.add(r);
        return r;
    }

    @Test
    void ordersFlowThroughAQueryToAnHttpReceiverThatFailsForAWhileAndNothingIsLost() throws Exception {
        TestReceiver first = receiver();
        deploy();

        sendOrders(0, 30);
        Await.until(() -> first.delivered().size() == 30, Duration.ofSeconds(20), "the first 30 orders shipped");

        // outage 1: the receiver answers 503 five times
        first.then(TestReceiver.Reply.of(503), TestReceiver.Reply.of(503), TestReceiver.Reply.of(503),
                TestReceiver.Reply.of(503), TestReceiver.Reply.of(503));
        sendOrders(30, 60);
        Await.until(() -> first.delivered().size() == 60, Duration.ofSeconds(20), "60 orders shipped through 503s");
        assertThat(first.requests).filteredOn(r -> r.status() == 503).hasSize(5);

        // outage 2: the receiver is down; its port accepts connections and resets them
        first.close();
        AtomicInteger resets = new AtomicInteger();
        try (ResettingPort down = new ResettingPort(receiverPort, resets)) {
            sendOrders(60, 80);
            Await.until(() -> resets.get() >= 3, Duration.ofSeconds(20), "the sink's attempts during the outage");
        }
        TestReceiver second = receiver();
        sendOrders(80, 100);
        Await.until(() -> second.delivered().size() == 40, Duration.ofSeconds(20), "the last 40 orders shipped");

        List<String> all = new ArrayList<>(first.delivered());
        all.addAll(second.delivered());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(shipped(i));
        }
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(second.requests).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/shipped");
            assertThat(r.headers()).containsEntry("Content-Type", "application/json");
        });
    }

    @Test
    void aBadPayloadGets400WithTheReasonAndLandsInTheDeadLetterStream() throws Exception {
        TestReceiver receiver = receiver();
        AppRuntime app = deploy();
        List<Event> dead = new CopyOnWriteArrayList<>();
        app.addCallback("Dead", dead::addAll);

        HttpResponse<String> bad = post("{\"id\":\"x1\",\"amount\":\"lots\"}");
        HttpResponse<String> good = post("{\"id\":\"o7\",\"amount\":7.5}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Orders").contains("amount").contains("lots");
        assertThat(bad.body()).doesNotContain("stream Orders: stream Orders");
        assertThat(good.statusCode()).isEqualTo(202);
        Await.until(() -> !dead.isEmpty(), Duration.ofSeconds(10), "the dead letter");
        Object[] letter = dead.get(0).data();
        assertThat((String) letter[0]).contains("lots");
        assertThat((String) letter[1]).contains("amount").contains("http POST /orders from 127.0.0.1");
        assertThat(letter[5]).isEqualTo("Orders");
        Await.until(() -> receiver.delivered().size() == 1, Duration.ofSeconds(10), "the good order shipped");
        assertThat(receiver.delivered()).containsExactly(shipped(7));
    }

    /** A "down" receiver that still accepts TCP connections: it closes each at once, and counts them. */
    private static final class ResettingPort implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        ResettingPort(int port, AtomicInteger resets) throws IOException {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        s.setSoLinger(true, 0); // RST, not FIN
                        resets.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "resetting-port");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5_000);
        }
    }
}
