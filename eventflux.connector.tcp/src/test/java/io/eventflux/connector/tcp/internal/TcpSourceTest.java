package io.eventflux.connector.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpSourceTest {
    private static final StreamSchema ORDERS = new StreamSchema("Orders", List.of(
            new Attribute("id", AttributeType.STRING), new Attribute("amount", AttributeType.DOUBLE)));

    private final int port = Await.freePort();
    private final List<TcpServerSource> started = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();
    private final CollectingListener listener = new CollectingListener();

    @AfterEach
    void stopAll() throws IOException {
        listener.release();
        for (Socket s : clients) {
            s.close();
        }
        started.forEach(TcpServerSource::stop);
    }

    static ConnectorSpec spec(String... kv) {
        Map<String, String> options = new HashMap<>();
        options.put("format", "json");
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        return new ConnectorSpec("shop", ORDERS, options);
    }

    private TcpServerSource start(String... kv) throws Exception {
        List<String> all = new ArrayList<>(List.of("tcp.port", String.valueOf(port)));
        all.addAll(List.of(kv));
        TcpServerSource source = (TcpServerSource) new TcpSourceFactory().create(spec(all.toArray(String[]::new)));
        source.start(listener);
        started.add(source);
        return source;
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        clients.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    @Test
    void linesFromSeveralClientsArriveInOrderPerClientWithThePeerAsLocation() throws Exception {
        start();
        Socket a = connect();
        Socket b = connect();
        send(a, "{\"id\":\"a1\"}\r\n{\"id\":\"a2\"}\n");
        send(b, "{\"id\":\"b1\"}\n\n");
        send(a, "{\"id\":\"a3\"}\n");
        Await.until(() -> listener.received.size() == 4, Duration.ofSeconds(10), "4 lines");

        List<Object> fromA = listener.received.stream().filter(r -> r.headers().get("eventflux.location")
                .startsWith("tcp 127.0.0.1:" + a.getLocalPort() + " ")).map(CollectingListener.Received::payload).toList();
        assertThat(fromA).containsExactly("{\"id\":\"a1\"}", "{\"id\":\"a2\"}", "{\"id\":\"a3\"}");
        assertThat(listener.received).extracting(r -> r.headers().get("eventflux.location"))
                .contains("tcp 127.0.0.1:" + b.getLocalPort() + " frame 1");
    }

    @Test
    void connectionsOverTheLimitAreToldWhyAndClosedAndAFreedSlotIsUsedAgain() throws Exception {
        TcpServerSource source = start("tcp.max.connections", "2");
        Socket a = connect();
        connect();
        Await.until(() -> source.openConnections() == 2, Duration.ofSeconds(10), "2 connections served");

        Socket third = connect();
        BufferedReader in = new BufferedReader(new InputStreamReader(third.getInputStream(), StandardCharsets.UTF_8));
        String refusal = in.readLine();
        assertThat(refusal).startsWith("ERROR eventflux: stream Orders of app shop refuses the connection from 127.0.0.1:"
                + third.getLocalPort()).contains("2 connections are open (tcp.max.connections)");
        assertThat(in.readLine()).as("closed after the refusal").isNull();
        assertThat(source.refusedConnections()).isEqualTo(1);

        a.close();
        Await.until(() -> source.openConnections() == 1, Duration.ofSeconds(10), "the first connection gone");
        Socket fourth = connect();
        send(fourth, "{\"id\":\"4\"}\n");
        Await.until(() -> listener.received.size() == 1, Duration.ofSeconds(10), "a line on the freed slot");
        assertThat(source.acceptedConnections()).isEqualTo(3);
    }

    @Test
    void anOversizedLineGoesToTheErrorStrategyWithThePeersAddressAndTheConnectionGoesOn() throws Exception {
        start("tcp.max.frame.bytes", "64");
        Socket s = connect();
        send(s, "{\"id\":\"" + "x".repeat(500) + "\"}\n{\"id\":\"ok\"}\n");
        Await.until(() -> listener.received.size() == 1, Duration.ofSeconds(10), "the good line");
        assertThat(listener.payloads()).containsExactly("{\"id\":\"ok\"}");
        assertThat(listener.unreadable).hasSize(1);
        CollectingListener.Unreadable bad = listener.unreadable.get(0);
        assertThat(bad.reason()).contains("tcp frame from 127.0.0.1:" + s.getLocalPort())
                .contains("tcp.max.frame.bytes (64)");
        assertThat(bad.headers()).containsEntry("eventflux.location", "tcp 127.0.0.1:" + s.getLocalPort() + " frame 1");
        assertThat((String) bad.payload()).startsWith("{\"id\":\"xxx");
    }

    @Test
    void lengthPrefixedBytesAndAnOverlongLengthClosesThatConnectionOnly() throws Exception {
        TcpServerSource source = (TcpServerSource) new TcpSourceFactory().create(spec("tcp.port", String.valueOf(port),
                "format", "bytes", "tcp.framing", "length", "tcp.max.frame.bytes", "100"));
        source.start(listener);
        started.add(source);
        Socket s = connect();
        OutputStream out = s.getOutputStream();
        out.write(Framing.LENGTH.encode(new byte[] {1, 2, 3}));
        out.write(Framing.LENGTH.encode(new byte[] {'\n', 0}));
        out.flush();
        Await.until(() -> listener.received.size() == 2, Duration.ofSeconds(10), "two frames");
        assertThat((byte[]) listener.received.get(0).payload()).containsExactly(1, 2, 3);
        assertThat((byte[]) listener.received.get(1).payload()).containsExactly('\n', 0);

        out.write(new byte[] {0x7f, 0, 0, 0, 'G', 'E', 'T'});
        out.flush();
        Await.until(() -> listener.unreadable.size() == 1, Duration.ofSeconds(10), "the bad length");
        assertThat(listener.unreadable.get(0).reason()).contains("a frame of 2130706432 bytes")
                .contains("connection is closed");
        assertThat(new DataInputStream(s.getInputStream()).read()).as("closed by the source").isEqualTo(-1);
        Await.until(() -> source.openConnections() == 0, Duration.ofSeconds(10), "the connection dropped");

        Socket other = connect();
        other.getOutputStream().write(Framing.LENGTH.encode(new byte[] {9}));
        other.getOutputStream().flush();
        Await.until(() -> listener.received.size() == 3, Duration.ofSeconds(10), "a frame on a new connection");
    }

    /**
     * A full app (the listener blocks) stops the reading: the producer's socket writes block once the
     * kernel's socket buffers are full, instead of the source buffering what the producer sends. Released,
     * everything arrives, in order.
     */
    @Test
    void aFullAppMakesTheProducersWritesBlockAndNothingIsBufferedWithoutBound() throws Exception {
        start("tcp.max.frame.bytes", "16384");
        listener.hold();
        int frameBytes = 8 * 1024;
        int frames = 16 * 1024; // 128 MiB in all, far more than the kernel's socket buffers (tens of MiB at most)
        Socket s = connect();
        AtomicLong written = new AtomicLong();
        Thread producer = new Thread(() -> {
            try {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < frames; i++) {
                    byte[] line = new byte[frameBytes];
                    Arrays.fill(line, (byte) 'a');
                    byte[] number = String.format("%08d", i).getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(number, 0, line, 0, number.length);
                    line[frameBytes - 1] = '\n';
                    out.write(line);
                    written.addAndGet(frameBytes);
                }
                out.flush();
            } catch (IOException e) {
                // the test closed the socket
            }
        }, "producer");
        producer.setDaemon(true);
        producer.start();

        // the producer's progress stops: its write blocks
        long[] last = {-1};
        long[] since = {System.nanoTime()};
        Await.until(() -> {
            long now = written.get();
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] > Duration.ofMillis(500).toNanos();
        }, Duration.ofSeconds(30), "the producer to block");
        long stalledAt = written.get();
        System.out.printf("tcp source backpressure: the producer blocked after %d of %d bytes%n", stalledAt,
                (long) frames * frameBytes);
        assertThat(producer.isAlive()).isTrue();
        assertThat(stalledAt).as("bytes written before blocking").isLessThan((long) frames * frameBytes / 2);
        assertThat(listener.received).isEmpty();

        listener.release();
        producer.join(Duration.ofSeconds(60).toMillis());
        assertThat(producer.isAlive()).as("the producer finished once the app took events").isFalse();
        Await.until(() -> listener.received.size() == frames, Duration.ofSeconds(60), "every frame");
        List<Object> payloads = listener.payloads();
        for (int i = 0; i < frames; i += 997) {
            assertThat(((String) payloads.get(i)).substring(0, 8)).isEqualTo(String.format("%08d", i));
        }
    }

    @Test
    void badOptionsAreNamedAndATakenPortFailsTheStartNamingIt() throws Exception {
        assertThatThrownBy(() -> new TcpSourceFactory().create(spec()))
                .hasMessageContaining("stream Orders: option 'tcp.port' is required");
        assertThatThrownBy(() -> new TcpSourceFactory().create(spec("tcp.port", "1", "tcp.framing", "xml")))
                .hasMessageContaining("'tcp.framing' must be line or length, was 'xml'");
        assertThatThrownBy(() -> new TcpSourceFactory().create(spec("tcp.port", "1", "format", "")))
                .hasMessageContaining("needs a 'format'");
        assertThatThrownBy(() -> new TcpSourceFactory().create(spec("tcp.port", "1", "tcp.max.connections", "0")))
                .hasMessageContaining("'tcp.max.connections' must be positive");
        try (ServerSocket taken = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            TcpServerSource source = (TcpServerSource) new TcpSourceFactory().create(spec("tcp.port", String.valueOf(port)));
            assertThatThrownBy(() -> source.start(listener)).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + port);
            assertThat(taken.isBound()).isTrue();
        }
    }
}
