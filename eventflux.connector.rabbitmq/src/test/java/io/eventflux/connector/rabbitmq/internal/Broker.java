package io.eventflux.connector.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's RabbitMQ (127.0.0.1:5672, guest/guest) through a plain amqp-client connection of the
 * test's own: queues, publishing, reading, and closing the connector's connections from the broker side
 * ({@code rabbitmqctl close_connection}, only connections whose name starts with a test's prefix). Tests
 * skip when the broker is not there, and fail instead when {@code CI=true}.
 */
final class Broker implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int PORT = 5672;

    private final Connection connection;
    private final Channel channel;

    private Broker(Connection connection) throws IOException {
        this.connection = connection;
        this.channel = connection.createChannel();
    }

    static Broker connect() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(HOST);
        f.setPort(PORT);
        f.setAutomaticRecoveryEnabled(false);
        try {
            return new Broker(f.newConnection("eventflux-test-client"));
        } catch (Exception e) {
            String message = "RabbitMQ is not reachable at " + HOST + ":" + PORT + " (" + e + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI=true requires it", e);
            }
            Assumptions.abort(message + ": skipped");
            throw new IllegalStateException(e);
        }
    }

    /** A fresh durable queue (deleted first). */
    void queue(String name, Map<String, Object> arguments) throws IOException {
        channel.queueDelete(name);
        channel.queueDeclare(name, true, false, false, arguments);
    }

    void deleteQueue(String name) throws IOException {
        channel.queueDelete(name);
    }

    void exchange(String name, String type) throws IOException {
        channel.exchangeDelete(name);
        channel.exchangeDeclare(name, type, true);
    }

    void bind(String queue, String exchange, String key) throws IOException {
        channel.queueBind(queue, exchange, key);
    }

    void publish(String queue, List<String> bodies) throws IOException {
        for (String b : bodies) {
            channel.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, b.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Messages ready in the queue (not counting delivered, unacknowledged ones). */
    long ready(String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    /** Takes (and acks) up to {@code count} messages, waiting up to 30 s for them. */
    List<Message> take(String queue, int count) throws Exception {
        List<Message> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (out.size() < count && System.nanoTime() < deadline) {
            GetResponse r = channel.basicGet(queue, true);
            if (r == null) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                continue;
            }
            out.add(new Message(new String(r.getBody(), StandardCharsets.UTF_8), r.getEnvelope().getRoutingKey(),
                    r.getProps().getDeliveryMode(), r.getProps().getContentType()));
        }
        return out;
    }

    record Message(String body, String routingKey, Integer deliveryMode, String contentType) {
    }

    /**
     * Closes, from the broker's side, every connection whose client-provided name starts with
     * {@code prefix} (the connector names its connections {@code eventflux-<app>-<stream>-<role>});
     * returns how many.
     */
    static int closeConnections(String prefix) throws Exception {
        String list = rabbitmqctl("list_connections", "pid", "client_properties", "--quiet", "--no-table-headers");
        int closed = 0;
        for (String line : list.split("\n")) {
            if (line.contains("{\"connection_name\",\"" + prefix)) {
                String pid = line.substring(0, line.indexOf('\t')).trim();
                rabbitmqctl("close_connection", pid, "closed by an EventFlux test");
                closed++;
            }
        }
        return closed;
    }

    static String rabbitmqctl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("rabbitmqctl");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    static ConnectorSpec spec(String stream, Map<String, String> options, String... attributes) {
        List<Attribute> list = new ArrayList<>();
        for (String a : attributes) {
            list.add(new Attribute(a, AttributeType.STRING));
        }
        return new ConnectorSpec("app", new StreamSchema(stream, list), options);
    }

    static Map<String, String> options(String... pairs) {
        Map<String, String> o = new HashMap<>();
        o.put("rabbitmq.host", HOST);
        o.put("rabbitmq.port", String.valueOf(PORT));
        for (int i = 0; i < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o;
    }

    static List<String> range(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            connection.abort();
        }
    }
}
