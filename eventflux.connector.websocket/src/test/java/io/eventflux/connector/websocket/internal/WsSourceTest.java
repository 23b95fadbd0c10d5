package io.eventflux.connector.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WsSourceTest {
    private static final StreamSchema ORDERS = new StreamSchema("Orders", List.of(
            new Attribute("id", AttributeType.STRING), new Attribute("amount", AttributeType.DOUBLE)));

    private final WsServers servers = new WsServers();
    private final WsSourceFactory factory = new WsSourceFactory(servers);
    private final List<Source> started = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final CollectingListener listener = new CollectingListener();
    private final int port = Await.freePort();

    @AfterEach
    void stopAll() throws Exception {
        started.forEach(Source::stop);
        for (AutoCloseable c : open) {
            c.close();
        }
        servers.close();
    }

    static ConnectorSpec spec(String... kv) {
        Map<String, String> options = new HashMap<>();
        options.put("format", "json");
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        return new ConnectorSpec("shop", ORDERS, options);
    }

    private WsServerSource server(String... kv) throws Exception {
        List<String> all = new ArrayList<>(List.of("websocket.mode", "server", "websocket.port", String.valueOf(port)));
        all.addAll(List.of(kv));
        WsServerSource source = (WsServerSource) factory.create(spec(all.toArray(String[]::new)));
        source.start(listener);
        started.add(source);
        return source;
    }

    private WsClients clients() throws Exception {
        WsClients c = new WsClients();
        open.add(c);
        return c;
    }

    private String url(String path) {
        return "ws://127.0.0.1:" + port + path;
    }

    @Test
    void serverModeTakesMessagesFromSeveralClientsWithThePeerAsLocation() throws Exception {
        WsServerSource source = server();
        WsClients clients = clients();
        Session a = clients.connect(url("/Orders"));
        Session b = clients.connect(url("/Orders/"));
        WsClients.text(a, "{\"id\":\"a1\"}");
        WsClients.text(b, "{\"id\":\"b1\"}");
        WsClients.binary(a, "{\"id\":\"a2\"}".getBytes(StandardCharsets.UTF_8));
        Await.until(() -> listener.received.size() == 3, Duration.ofSeconds(10), "3 messages");
        assertThat(source.clients()).isEqualTo(2);

        String aPeer = "127.0.0.1:" + ((java.net.InetSocketAddress) a.getLocalSocketAddress()).getPort();
        assertThat(listener.received).filteredOn(r -> r.headers().get("eventflux.location").startsWith("websocket " + aPeer))
                .extracting(CollectingListener.Received::payload).containsExactly("{\"id\":\"a1\"}", "{\"id\":\"a2\"}");
        assertThat(listener.received).extracting(r -> r.headers().get("eventflux.location"))
                .contains("websocket " + aPeer + " message 2");
    }

    @Test
    void aFullAppHoldsTheNextMessageBackUntilItHasRoomAndTheOrderIsKept() throws Exception {
        server();
        Session s = clients().connect(url("/Orders"));
        listener.full = true;
        for (int i = 0; i < 20; i++) {
            WsClients.text(s, "{\"n\":" + i + "}");
        }
        Await.until(() -> listener.refused.get() >= 5, Duration.ofSeconds(10), "offers refused while full");
        assertThat(listener.received).isEmpty();
        listener.full = false;
        Await.until(() -> listener.received.size() == 20, Duration.ofSeconds(10), "all 20 once there is room");
        for (int i = 0; i < 20; i++) {
            assertThat(listener.payloads().get(i)).isEqualTo("{\"n\":" + i + "}");
        }
    }

    @Test
    void aTooLargeMessageClosesThatClientWith1009AndGoesToTheErrorStrategy() throws Exception {
        server("websocket.max.message.bytes", "100", "format", "bytes");
        WsClients clients = clients();
        Session s = clients.connect(url("/Orders"));
        WsClients.binary(s, new byte[] {1, 2});
        Await.until(() -> listener.received.size() == 1, Duration.ofSeconds(10), "the small message");
        assertThat((byte[]) listener.received.get(0).payload()).containsExactly(1, 2);
        s.sendText("x".repeat(500), org.eclipse.jetty.websocket.api.Callback.NOOP);
        Await.until(() -> listener.unreadable.size() == 1 && !clients.closes.isEmpty(), Duration.ofSeconds(10),
                "the refusal");
        assertThat(listener.unreadable.get(0).reason()).contains("websocket message from 127.0.0.1:")
                .contains("websocket.max.message.bytes (100)");
        assertThat(clients.closes.get(0)).startsWith("1009");
        Session again = clients.connect(url("/Orders"));
        WsClients.text(again, "ok");
        Await.until(() -> listener.received.size() == 2, Duration.ofSeconds(10), "a new connection works");
    }

    @Test
    void twoStreamsOnOnePathClashAndAnUnknownPathIsRefused() throws Exception {
        server();
        WsServerSource other = (WsServerSource) factory.create(new ConnectorSpec("billing",
                new StreamSchema("Refunds", ORDERS.attributes()), Map.of("format", "json", "websocket.mode", "server",
                        "websocket.port", String.valueOf(port), "websocket.path", "/Orders")));
        assertThatThrownBy(() -> other.start(listener)).hasMessageContaining("stream Refunds of app billing")
                .hasMessageContaining("already used by stream Orders of app shop");
        assertThatThrownBy(() -> clients().connect(url("/nothing"))).hasStackTraceContaining("404");
        assertThatThrownBy(() -> factory.create(spec("websocket.mode", "server")))
                .hasMessageContaining("option 'websocket.port' is required");
        assertThatThrownBy(() -> factory.create(spec("websocket.url", "http://x/y")))
                .hasMessageContaining("must be an absolute ws:// or wss:// URL");
        assertThatThrownBy(() -> factory.create(spec("websocket.mode", "peer")))
                .hasMessageContaining("must be client or server, was 'peer'");
    }

    @Test
    void clientModeReadsPushedMessagesAndReportsALostConnection() throws Exception {
        TestWsServer remote = new TestWsServer(port);
        open.add(remote);
        Source source = factory.create(spec("websocket.url", remote.url()));
        source.start(listener);
        started.add(source);
        Await.until(() -> remote.open() == 1, Duration.ofSeconds(10), "the source connected");
        remote.push("{\"id\":\"p1\"}");
        remote.push("{\"id\":\"p2\"}");
        Await.until(() -> listener.received.size() == 2, Duration.ofSeconds(10), "two pushed messages");
        assertThat(listener.payloads()).containsExactly("{\"id\":\"p1\"}", "{\"id\":\"p2\"}");
        assertThat(listener.received.get(0).headers().get("eventflux.location"))
                .isEqualTo("websocket 127.0.0.1:" + port + " message 1");

        remote.close();
        Await.until(() -> !listener.lost.isEmpty(), Duration.ofSeconds(10), "the lost connection reported");
        assertThat(listener.lost.get(0)).hasMessageContaining("websocket ws://127.0.0.1:" + port + "/ws closed");
        source.stop();
        assertThatThrownBy(() -> source.start(listener)).hasMessageContaining("cannot connect to ws://127.0.0.1:" + port);
    }
}
