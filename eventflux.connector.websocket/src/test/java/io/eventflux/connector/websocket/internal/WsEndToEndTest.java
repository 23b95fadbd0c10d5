package io.eventflux.connector.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.engine.EventFluxRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real engine (plain Java) with the websocket connector and the json mapper, against real WebSocket
 * peers (Jetty): external clients → a server-mode source → a query → a sink to an external server that
 * restarts in the middle; and a client-mode source whose server restarts.
 */
class WsEndToEndTest {
    private final WsServers servers = new WsServers();
    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());
    private final int sourcePort = Await.freePort();
    private final int consumerPort = Await.freeServicePort();
    private final List<AutoCloseable> open = new ArrayList<>();

    WsEndToEndTest() {
        runtime.registry().add(new WsSourceFactory(servers), WsSourceFactory.class.getAnnotation(Extension.class));
        runtime.registry().add(new WsSinkFactory(), WsSinkFactory.class.getAnnotation(Extension.class));
    }

    @AfterEach
    void close() throws Exception {
        runtime.close();
        for (AutoCloseable c : open) {
            c.close();
        }
        servers.close();
    }

    private TestWsServer server(int port) throws Exception {
        TestWsServer s = new TestWsServer(port);
        open.add(s);
        return s;
    }

    private WsClients clients() throws Exception {
        WsClients c = new WsClients();
        open.add(c);
        return c;
    }

    private static void sendOrders(Session s, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            WsClients.text(s, String.format(Locale.ROOT, "{\"id\":\"o%d\",\"amount\":%d.5}", i, i));
        }
    }

    private static List<String> shipped(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(String.format(Locale.ROOT, "{\"id\":\"o%d\",\"total\":%s}", i, Double.toString(i * 2 + 1.0)));
        }
        return out;
    }

    @Test
    void clientsToAServerSourceThroughAQueryToASinkWhoseServerRestartsAndNothingIsLost() throws Exception {
        TestWsServer first = server(consumerPort);
        runtime.deploy("""
                CREATE STREAM Orders (id STRING, amount DOUBLE) WITH ('type' = 'source', 'extension' = 'websocket',
                    'format' = 'json', 'websocket.mode' = 'server', 'websocket.port' = '%d', 'websocket.path' = '/orders');
                CREATE STREAM Shipped (id STRING, total DOUBLE) WITH ('type' = 'sink', 'extension' = 'websocket',
                    'format' = 'json', 'websocket.url' = 'ws://127.0.0.1:%d/ws', 'websocket.retry.max-attempts' = '100',
                    'websocket.retry.initial-delay' = '10', 'websocket.retry.max-delay' = '50');
                INSERT INTO Shipped SELECT id, amount * 2 AS total FROM Orders;
                """.formatted(sourcePort, consumerPort), DeployOptions.defaults().withName("shipping"));
        WsClients clients = clients();
        Session producer = clients.connect("ws://127.0.0.1:" + sourcePort + "/orders");

        sendOrders(producer, 0, 40);
        Await.until(() -> first.received.size() == 40, Duration.ofSeconds(20), "the first 40 orders shipped");

        first.close(); // the sink's server goes away
        Await.until(() -> first.open() == 0, Duration.ofSeconds(10), "the consumer gone");
        sendOrders(producer, 40, 60);
        TestWsServer second = server(consumerPort);
        Await.until(() -> second.received.size() == 20, Duration.ofSeconds(20), "the orders sent during the outage");
        Session another = clients.connect("ws://127.0.0.1:" + sourcePort + "/orders");
        sendOrders(another, 60, 80);
        Await.until(() -> second.received.size() == 40, Duration.ofSeconds(20), "the last orders");

        assertThat(first.received).containsExactlyElementsOf(shipped(0, 40));
        assertThat(second.received.subList(0, 20)).containsExactlyElementsOf(shipped(40, 60));
        assertThat(second.received.subList(20, 40)).containsExactlyElementsOf(shipped(60, 80));
        assertThat(second.connections.get()).isEqualTo(1);
    }

    @Test
    void aClientSourceReconnectsAfterItsServerRestartsAndAllSentWhileConnectedArrives() throws Exception {
        int feedPort = Await.freeServicePort();
        TestWsServer feed = server(feedPort);
        AppRuntime app = runtime.deploy("""
                CREATE STREAM Ticks (id STRING, amount DOUBLE) WITH ('type' = 'source', 'extension' = 'websocket',
                    'format' = 'json', 'websocket.url' = 'ws://127.0.0.1:%d/ws',
                    'error.retry.initial-delay' = '20', 'error.retry.max-delay' = '100');
                CREATE STREAM Big (id STRING, amount DOUBLE);
                INSERT INTO Big SELECT * FROM Ticks WHERE amount > 10;
                """.formatted(feedPort), DeployOptions.defaults().withName("ticks"));
        List<Event> big = new CopyOnWriteArrayList<>();
        app.addCallback("Big", big::addAll);
        Await.until(() -> feed.open() == 1, Duration.ofSeconds(10), "the source connected");
        for (int i = 0; i < 30; i++) {
            feed.push(String.format(Locale.ROOT, "{\"id\":\"t%d\",\"amount\":%d}", i, i));
        }
        Await.until(() -> big.size() == 19, Duration.ofSeconds(10), "ticks 11..29");

        feed.close(); // the feed restarts on the same port; the engine reconnects with its backoff
        TestWsServer again = server(feedPort);
        Await.until(() -> again.open() == 1, Duration.ofSeconds(20), "the source reconnected");
        for (int i = 30; i < 40; i++) {
            again.push(String.format(Locale.ROOT, "{\"id\":\"t%d\",\"amount\":%d}", i, i));
        }
        Await.until(() -> big.size() == 29, Duration.ofSeconds(10), "ticks 30..39");
        List<String> ids = big.stream().map(e -> (String) e.data()[0]).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 11; i < 40; i++) {
            expected.add("t" + i);
        }
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void binaryFramesGoThroughTheBytesMapperBothWays() throws Exception {
        TestWsServer consumer = server(consumerPort);
        runtime.deploy("""
                CREATE STREAM Raw (payload OBJECT) WITH ('type' = 'source', 'extension' = 'websocket',
                    'format' = 'bytes', 'websocket.mode' = 'server', 'websocket.port' = '%d');
                CREATE STREAM Copy (payload OBJECT) WITH ('type' = 'sink', 'extension' = 'websocket',
                    'format' = 'bytes', 'websocket.url' = 'ws://127.0.0.1:%d/ws');
                INSERT INTO Copy SELECT payload FROM Raw;
                """.formatted(sourcePort, consumerPort), DeployOptions.defaults().withName("raw"));
        Session producer = clients().connect("ws://127.0.0.1:" + sourcePort + "/Raw");
        WsClients.binary(producer, "one".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        WsClients.text(producer, "two"); // a text message reaches the bytes mapper as its UTF-8 bytes
        Await.until(() -> consumer.received.size() == 2, Duration.ofSeconds(20), "both copies");
        assertThat(consumer.received).containsExactly("binary:one", "binary:two");
    }
}
