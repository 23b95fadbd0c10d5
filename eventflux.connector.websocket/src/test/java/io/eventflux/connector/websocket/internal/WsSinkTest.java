package io.eventflux.connector.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WsSinkTest {
    private final int port = Await.freeServicePort();
    private final List<AutoCloseable> open = new ArrayList<>();
    private WsSink sink;

    @AfterEach
    void close() throws Exception {
        if (sink != null) {
            sink.stop();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private WsSink sink(String... kv) {
        List<String> all = new ArrayList<>(List.of("websocket.url", "ws://127.0.0.1:" + port + "/ws",
                "websocket.retry.initial-delay", "20", "websocket.retry.max-delay", "100"));
        all.addAll(List.of(kv));
        sink = (WsSink) new WsSinkFactory().create(WsSourceTest.spec(all.toArray(String[]::new)));
        return sink;
    }

    private TestWsServer peer() throws Exception {
        TestWsServer p = new TestWsServer(port);
        open.add(p);
        return p;
    }

    @Test
    void messagesReachTheServerAndAServerRestartIsReconnectedWithNothingLost() throws Exception {
        TestWsServer first = peer();
        WsSink s = sink("websocket.retry.max-attempts", "200");
        s.start();
        s.publish("{\"n\":1}", null);
        s.publish("{\"n\":2}", null);
        Await.until(() -> first.received.size() == 2, Duration.ofSeconds(10), "the first messages");

        first.close();
        List<Throwable> failures = new ArrayList<>();
        Thread sender = new Thread(() -> {
            try {
                s.publish("{\"n\":3}", null);
            } catch (Exception e) {
                failures.add(e);
            }
        });
        sender.start();
        TestWsServer second = peer();
        sender.join(20_000);
        assertThat(failures).isEmpty();
        s.publish("{\"n\":4}", null);
        Await.until(() -> second.received.size() == 2, Duration.ofSeconds(10), "the messages after the restart");
        assertThat(first.received).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(second.received).containsExactly("{\"n\":3}", "{\"n\":4}");
        assertThat(s.connections()).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptPublishFailsNamingTheUrlAndBytesGoAsBinary() throws Exception {
        WsSink s = sink("websocket.retry.max-attempts", "3", "format", "bytes");
        assertThatThrownBy(s::start).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot connect to ws://127.0.0.1:" + port + "/ws");
        TestWsServer server = peer();
        s.start();
        s.publish("hi".getBytes(StandardCharsets.UTF_8), null);
        Await.until(() -> server.received.size() == 1, Duration.ofSeconds(10), "the binary message");
        assertThat(server.received).containsExactly("binary:hi");
        server.close();
        Await.until(() -> server.open() == 0, Duration.ofSeconds(10), "the server gone");
        assertThatThrownBy(() -> s.publish(new byte[] {1}, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("stream Orders of app shop: websocket sink could not send to ws://127.0.0.1:"
                        + port + "/ws after 3 attempt(s)");
    }
}
