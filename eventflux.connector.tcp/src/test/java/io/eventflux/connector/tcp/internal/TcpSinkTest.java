package io.eventflux.connector.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpSinkTest {
    private final int port = Await.freeServicePort();
    private final List<AutoCloseable> open = new ArrayList<>();
    private TcpSink sink;

    @AfterEach
    void close() throws Exception {
        if (sink != null) {
            sink.stop();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private TcpSink sink(String... kv) {
        List<String> all = new ArrayList<>(List.of("tcp.port", String.valueOf(port), "tcp.retry.initial-delay", "20",
                "tcp.retry.max-delay", "100"));
        all.addAll(List.of(kv));
        sink = (TcpSink) new TcpSinkFactory().create(TcpSourceTest.spec(all.toArray(String[]::new)));
        return sink;
    }

    private LinePeer peer() throws IOException {
        LinePeer p = new LinePeer(port);
        open.add(p);
        return p;
    }

    private static void chunk(TcpSink sink, String... payloads) throws Exception {
        for (String p : payloads) {
            sink.publish(p, null);
        }
        sink.flush();
    }

    @Test
    void linesReachThePeerAndAPeerRestartIsReconnectedWithNothingLost() throws Exception {
        LinePeer first = peer();
        TcpSink s = sink("tcp.retry.max-attempts", "100");
        s.start();
        chunk(s, "{\"n\":1}", "{\"n\":2}");
        Await.until(() -> first.lines.size() == 2, Duration.ofSeconds(10), "the first chunk");

        first.close();
        List<Throwable> failures = new ArrayList<>();
        Thread sender = new Thread(() -> {
            try {
                chunk(s, "{\"n\":3}");
            } catch (Exception e) {
                failures.add(e);
            }
        });
        sender.start();
        // the sink is retrying against a closed port; the peer comes back on the same port
        LinePeer second = peer();
        sender.join(10_000);
        assertThat(failures).isEmpty();
        chunk(s, "{\"n\":4}");
        Await.until(() -> second.lines.size() == 2, Duration.ofSeconds(10), "the chunks after the restart");
        assertThat(first.lines).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(second.lines).containsExactly("{\"n\":3}", "{\"n\":4}");
        assertThat(s.connections()).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptFlushFailsNamingThePeerSoTheErrorStrategyGetsTheEvents() throws Exception {
        LinePeer p = peer();
        TcpSink s = sink("tcp.retry.max-attempts", "3");
        s.start();
        Await.until(() -> p.connections.get() == 1, Duration.ofSeconds(10), "the sink connected");
        p.close();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> chunk(s, "{\"n\":1}")).isInstanceOf(IOException.class)
                .hasMessageContaining("stream Orders of app shop: tcp sink could not send 8 bytes to 127.0.0.1:" + port
                        + " after 3 attempt(s)");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("backoff 20 + 40 ms").isGreaterThanOrEqualTo(Duration.ofMillis(60));
        assertThatThrownBy(() -> s.publish("a\nb", null)).hasMessageContaining("line break");
    }

    @Test
    void startFailsWhileThePeerIsAbsentAndLengthFramingWritesPrefixedFrames() throws Exception {
        TcpSink s = sink("tcp.framing", "length", "format", "bytes");
        assertThatThrownBy(s::start).isInstanceOf(IOException.class).hasMessageContaining("cannot connect to 127.0.0.1:" + port);
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            s.start();
            s.publish(new byte[] {1, 2}, null);
            s.publish("é".getBytes(StandardCharsets.UTF_8), null);
            s.flush();
            try (Socket in = server.accept(); DataInputStream data = new DataInputStream(in.getInputStream())) {
                assertThat(data.readInt()).isEqualTo(2);
                assertThat(data.readNBytes(2)).containsExactly(1, 2);
                assertThat(data.readInt()).isEqualTo(2);
                assertThat(new String(data.readNBytes(2), StandardCharsets.UTF_8)).isEqualTo("é");
            }
        }
    }
}
