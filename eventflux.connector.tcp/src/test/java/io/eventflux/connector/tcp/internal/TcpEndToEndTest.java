package io.eventflux.connector.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.engine.EventFluxRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real engine (plain Java) with the tcp connector and the json mapper: an external client writes
 * orders as lines to a tcp source, a query doubles the amounts, and a tcp sink writes them to an external
 * TCP consumer, which goes away in the middle and comes back on the same port.
 */
class TcpEndToEndTest {
    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());
    private final int sourcePort = Await.freePort();
    private final int consumerPort = Await.freeServicePort();
    private final List<AutoCloseable> open = new ArrayList<>();

    TcpEndToEndTest() {
        runtime.registry().add(new TcpSourceFactory(), TcpSourceFactory.class.getAnnotation(Extension.class));
        runtime.registry().add(new TcpSinkFactory(), TcpSinkFactory.class.getAnnotation(Extension.class));
    }

    @AfterEach
    void close() throws Exception {
        runtime.close();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private AppRuntime deploy() throws Exception {
        return deploy(200);
    }

    private AppRuntime deploy(int maxFrameBytes) throws Exception {
        return runtime.deploy("""
                CREATE STREAM Dead (originalEvent STRING, errorMessage STRING, errorType STRING, timestamp LONG,
                    attemptCount INT, streamName STRING);
                CREATE STREAM Orders (id STRING, amount DOUBLE) WITH ('type' = 'source', 'extension' = 'tcp',
                    'format' = 'json', 'tcp.port' = '%d', 'tcp.max.frame.bytes' = '%d',
                    'error.strategy' = 'dlq', 'error.dlq.stream' = 'Dead');
                CREATE STREAM Shipped (id STRING, total DOUBLE) WITH ('type' = 'sink', 'extension' = 'tcp',
                    'format' = 'json', 'tcp.port' = '%d', 'tcp.retry.max-attempts' = '100',
                    'tcp.retry.initial-delay' = '10', 'tcp.retry.max-delay' = '50');
                INSERT INTO Shipped SELECT id, amount * 2 AS total FROM Orders;
                """.formatted(sourcePort, maxFrameBytes, consumerPort), DeployOptions.defaults().withName("shipping"));
    }

    private LinePeer consumer() throws IOException {
        LinePeer p = new LinePeer(consumerPort);
        open.add(p);
        return p;
    }

    private Socket client() throws IOException {
        Socket s = new Socket("127.0.0.1", sourcePort);
        open.add(s);
        return s;
    }

    private static void sendOrders(Socket s, int from, int to) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < to; i++) {
            lines.append(String.format(Locale.ROOT, "{\"id\":\"o%d\",\"amount\":%d.5}\n", i, i));
        }
        OutputStream out = s.getOutputStream();
        out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static List<String> shipped(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(String.format(Locale.ROOT, "{\"id\":\"o%d\",\"total\":%s}", i, Double.toString(i * 2 + 1.0)));
        }
        return out;
    }

    @Test
    void ordersFlowFromAClientThroughAQueryToAConsumerThatRestartsAndNothingIsLostOrDoubled() throws Exception {
        LinePeer first = consumer();
        deploy();
        Socket client = client();

        sendOrders(client, 0, 50);
        Await.until(() -> first.lines.size() == 50, Duration.ofSeconds(20), "the first 50 orders shipped");

        first.close(); // the consumer goes away; the sink retries against a closed port
        sendOrders(client, 50, 80);
        LinePeer second = consumer();
        Await.until(() -> second.lines.size() >= 30, Duration.ofSeconds(20),
                () -> "the 30 orders sent during the outage; the new consumer has " + second.lines);
        Socket another = client(); // a second producer, at the same time
        sendOrders(another, 80, 100);
        Await.until(() -> second.lines.size() >= 50, Duration.ofSeconds(20),
                () -> "the last 20 orders; the new consumer has " + second.lines);

        assertThat(first.lines).containsExactlyElementsOf(shipped(0, 50));
        List<String> expected = new ArrayList<>(shipped(50, 80));
        expected.addAll(shipped(80, 100));
        assertThat(second.lines).containsExactlyElementsOf(expected);
        assertThat(second.connections.get()).isEqualTo(1);
    }

    @Test
    void anOversizedFrameAndABadLineLandInTheDeadLetterStreamNamingThePeer() throws Exception {
        LinePeer consumer = consumer();
        AppRuntime app = deploy();
        List<Event> dead = new CopyOnWriteArrayList<>();
        app.addCallback("Dead", dead::addAll);
        Socket client = client();
        String big = "{\"id\":\"" + "x".repeat(300) + "\",\"amount\":1}\n";
        client.getOutputStream().write((big + "{\"id\":\"b\",\"amount\":\"lots\"}\n{\"id\":\"o7\",\"amount\":7.5}\n")
                .getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();

        Await.until(() -> dead.size() == 2 && consumer.lines.size() == 1, Duration.ofSeconds(20),
                "two dead letters and one shipped order");
        String peer = "127.0.0.1:" + client.getLocalPort();
        Object[] oversized = dead.get(0).data();
        assertThat((String) oversized[1]).contains("stream Orders").contains("tcp frame from " + peer)
                .contains("tcp.max.frame.bytes (200)").contains("(at tcp " + peer + " frame 1)");
        assertThat(oversized[2]).isEqualTo("MAPPING");
        assertThat((String) oversized[0]).startsWith("{\"id\":\"xxx");
        Object[] unmappable = dead.get(1).data();
        assertThat((String) unmappable[1]).contains("amount").contains("lots").contains("(at tcp " + peer + " frame 2)");
        assertThat(consumer.lines).containsExactlyElementsOf(shipped(7, 8));
    }

    @Test
    void csvLinesInLengthPrefixedTextFramesOut() throws Exception {
        try (java.net.ServerSocket consumer = new java.net.ServerSocket()) {
            consumer.setReuseAddress(true);
            consumer.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), consumerPort));
            runtime.deploy("""
                    CREATE STREAM Orders (id STRING, amount DOUBLE) WITH ('type' = 'source', 'extension' = 'tcp',
                        'format' = 'csv', 'tcp.port' = '%d');
                    CREATE STREAM Ids (line STRING) WITH ('type' = 'sink', 'extension' = 'tcp', 'format' = 'text',
                        'tcp.port' = '%d', 'tcp.framing' = 'length');
                    INSERT INTO Ids SELECT id AS line FROM Orders WHERE amount > 10;
                    """.formatted(sourcePort, consumerPort), DeployOptions.defaults().withName("csv-to-text"));
            consumer.setSoTimeout(20_000);
            try (Socket peer = consumer.accept();
                    java.io.DataInputStream in = new java.io.DataInputStream(peer.getInputStream())) {
                peer.setSoTimeout(20_000);
                Socket client = client();
                client.getOutputStream().write("a,5\nb,50\nc with\nlines,60\n".getBytes(StandardCharsets.UTF_8));
                client.getOutputStream().flush();
                int length = in.readInt();
                assertThat(new String(in.readNBytes(length), StandardCharsets.UTF_8)).isEqualTo("b");
                length = in.readInt();
                assertThat(new String(in.readNBytes(length), StandardCharsets.UTF_8)).isEqualTo("lines");
            }
        }
    }

    /**
     * Backpressure end to end: a consumer that stops reading makes the sink's writes block, the app's
     * ring fills, the source stops reading and the producer's socket writes block: 128 MiB offered, the
     * producer stalls long before (kernel socket buffers on both hops and the ring are all that holds
     * data). Once the consumer reads again, every line arrives.
     */
    @Test
    void aConsumerThatStopsReadingBlocksTheProducerThroughTheAppAndEverythingArrivesLater() throws Exception {
        try (java.net.ServerSocket stalled = new java.net.ServerSocket()) {
            stalled.setReuseAddress(true);
            stalled.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), consumerPort));
            deploy(4096); // the consumer listens before the sink starts: no event is dropped as NOT_CONNECTED
            Socket client = client();
            int lines = 128 * 1024;
            String pad = "x".repeat(1000);
            java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
            Thread producer = new Thread(() -> {
                try {
                    OutputStream out = client.getOutputStream();
                    for (int i = 0; i < lines; i++) {
                        byte[] line = String.format(Locale.ROOT, "{\"id\":\"%07d%s\",\"amount\":1}\n", i, pad)
                                .getBytes(StandardCharsets.UTF_8);
                        out.write(line);
                        written.addAndGet(line.length);
                    }
                    out.flush();
                } catch (IOException e) {
                    // the test ended
                }
            }, "producer");
            producer.setDaemon(true);
            producer.start();
            stalled.setSoTimeout(20_000);
            Socket peer = stalled.accept(); // connected, never read (yet)
            peer.setSoTimeout(60_000);
            long[] last = {-1};
            long[] since = {System.nanoTime()};
            Await.until(() -> {
                long now = written.get();
                if (now != last[0]) {
                    last[0] = now;
                    since[0] = System.nanoTime();
                    return false;
                }
                return System.nanoTime() - since[0] > Duration.ofSeconds(1).toNanos();
            }, Duration.ofSeconds(60), "the producer to block");
            long total = (long) lines * (1000 + 30);
            System.out.printf("tcp end-to-end backpressure: the producer blocked after %d of %d bytes%n", written.get(),
                    total);
            assertThat(producer.isAlive()).isTrue();
            assertThat(written.get()).as("bytes the producer wrote before blocking, of " + total).isLessThan(total / 2);

            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(peer.getInputStream(),
                    StandardCharsets.UTF_8));
            int read = 0;
            String first = in.readLine();
            read++;
            while (read < lines && in.readLine() != null) {
                read++;
            }
            assertThat(read).isEqualTo(lines);
            assertThat(first).startsWith("{\"id\":\"0000000xxx").endsWith("\"total\":2.0}");
            producer.join(10_000);
            assertThat(producer.isAlive()).isFalse();
            peer.close();
        }
    }
}
