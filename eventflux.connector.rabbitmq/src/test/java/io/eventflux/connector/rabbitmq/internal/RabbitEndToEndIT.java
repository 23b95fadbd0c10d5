package io.eventflux.connector.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.DeployOptions;
import io.eventflux.engine.EventFluxRuntime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real AMQP client publishes orders to a queue, the app (plain-Java runtime, ServiceLoader) prices them
 * and publishes to another queue, a real AMQP client reads them. In the middle the broker closes both of
 * the app's connections: the source is restarted by the engine with its backoff and gets its unacked
 * messages again, the sink's failed batch is retried (error.strategy = retry). Every order must have its
 * result; duplicates are allowed (at-least-once).
 */
class RabbitEndToEndIT {
    private static final int EVENTS = 1000;
    private static final Pattern OUTPUT = Pattern.compile("\"id\":(\\d+),\"total\":([0-9.]+)");

    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());
    private Broker broker;

    @BeforeEach
    void connect() {
        broker = Broker.connect();
    }

    @AfterEach
    void close() {
        runtime.close();
        broker.close();
    }

    private static final String APP = """
            CREATE STREAM Orders (id INT, price DOUBLE)
              WITH (type = 'source', extension = 'rabbitmq', format = 'json',
                    rabbitmq.host = '127.0.0.1', rabbitmq.queue = 'ef-e2e-orders', rabbitmq.prefetch = '50',
                    error.retry.initial-delay = '50', error.retry.max-delay = '1000');
            CREATE STREAM Priced (id INT, total DOUBLE)
              WITH (type = 'sink', extension = 'rabbitmq', format = 'json',
                    rabbitmq.host = '127.0.0.1', rabbitmq.exchange = '', rabbitmq.routing.key = 'ef-e2e-priced',
                    error.strategy = 'retry', error.retry.max-attempts = '50',
                    error.retry.initial-delay = '50', error.retry.max-delay = '1000');
            INSERT INTO Priced SELECT id, price * 2 AS total FROM Orders;
            """;

    @Test
    void queueToQueryToExchangeLosesNothingWhenTheBrokerClosesTheConnections() throws Exception {
        losesNothingAcross("the broker closed the app's connections", () -> {
            int killed = Broker.closeConnections("eventflux-e2e-");
            assertThat(killed).as("the app's source and sink connections").isEqualTo(2);
        });
    }

    /**
     * The whole broker application stops and starts again ({@code rabbitmqctl stop_app} / {@code start_app}:
     * every connection drops, the durable queues come back with their persistent messages) while orders flow.
     * The broker is started again whatever happens.
     */
    @Test
    void queueToQueryToExchangeLosesNothingAcrossABrokerRestart() throws Exception {
        losesNothingAcross("the broker restarted", () -> {
            broker.close();
            try {
                Broker.rabbitmqctl("stop_app");
            } finally {
                Broker.rabbitmqctl("start_app");
                Broker.rabbitmqctl("await_startup");
            }
            broker = Broker.connect();
        });
    }

    private interface Disruption {
        void run() throws Exception;
    }

    private void losesNothingAcross(String what, Disruption disruption) throws Exception {
        broker.queue("ef-e2e-orders", null);
        broker.queue("ef-e2e-priced", null);
        runtime.deploy(APP, DeployOptions.defaults().withName("e2e"));
        CountDownLatch closed = new CountDownLatch(1);
        Thread producer = new Thread(() -> produce(closed), "orders-producer");
        producer.start();

        Map<Integer, Integer> seen = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        readUntil(seen, wrong, () -> seen.size() >= EVENTS / 4);
        disruption.run();
        closed.countDown();
        producer.join(Duration.ofSeconds(60).toMillis());

        readUntil(seen, wrong, () -> seen.size() == EVENTS);
        assertThat(wrong).as("every result is its order's price times two").isEmpty();
        Set<Integer> missing = new HashSet<>();
        for (int i = 0; i < EVENTS; i++) {
            if (!seen.containsKey(i)) {
                missing.add(i);
            }
        }
        assertThat(missing).as("no order lost").isEmpty();
        int total = seen.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("rabbitmq end to end: " + EVENTS + " orders, " + total + " results, " + (total - EVENTS)
                + " duplicates (at-least-once: " + what + ")");
        assertThat(total - EVENTS).isBetween(0, EVENTS);
        assertThat(runtime.undeploy("e2e")).isTrue();
        assertThat(broker.ready("ef-e2e-orders")).as("every order acked").isZero();
    }

    @Test
    void anUnroutableMessageGoesToTheDeadLetterStreamAfterTheLastAttempt() throws Exception {
        broker.exchange("ef-e2e-nowhere", "direct");
        var app = runtime.deploy("""
                CREATE STREAM Dead (originalEvent STRING, errorMessage STRING, errorType STRING,
                                    timestamp LONG, attemptCount INT, streamName STRING);
                CREATE STREAM In (id INT);
                CREATE STREAM Out (id INT)
                  WITH (type = 'sink', extension = 'rabbitmq', format = 'json', rabbitmq.host = '127.0.0.1',
                        rabbitmq.exchange = 'ef-e2e-nowhere', rabbitmq.routing.key = 'nobody',
                        rabbitmq.password = 'guest',
                        error.strategy = 'retry', error.retry.max-attempts = '2', error.retry.initial-delay = '10',
                        error.dlq.stream = 'Dead');
                INSERT INTO Out SELECT id FROM In;
                """, DeployOptions.defaults().withName("e2e-dlq"));
        List<Object[]> dead = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.addCallback("Dead", events -> events.forEach(e -> dead.add(e.data())));
        app.inputHandler("In").send(42);
        Await.until("the dead letter", Duration.ofSeconds(30), () -> !dead.isEmpty());
        Object[] d = dead.get(0);
        assertThat(d[0]).asString().contains("42");
        assertThat(d[1]).asString().contains("stream Out").contains("exchange 'ef-e2e-nowhere'")
                .contains("returned as unroutable").doesNotContain("guest:");
        assertThat(d[2]).isEqualTo("SINK");
        assertThat(d[4]).isEqualTo(2);
        assertThat(d[5]).isEqualTo("Out");
    }

    /** The first half at once, the second half (on a new connection) once the disruption is over. */
    private void produce(CountDownLatch closed) {
        try {
            try (Broker publisher = Broker.connect()) {
                publish(publisher, 0, EVENTS / 2);
            }
            closed.await(60, TimeUnit.SECONDS);
            try (Broker publisher = Broker.connect()) {
                publish(publisher, EVENTS / 2, EVENTS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish(Broker publisher, int from, int to) throws IOException {
        for (int i = from; i < to; i += 50) {
            List<String> chunk = new ArrayList<>();
            for (int j = i; j < i + 50; j++) {
                chunk.add("{\"id\": " + j + ", \"price\": " + j + ".5}");
            }
            publisher.publish("ef-e2e-orders", chunk);
        }
    }

    private void readUntil(Map<Integer, Integer> seen, List<String> wrong, java.util.function.BooleanSupplier done)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + seen.size() + " of " + EVENTS + " orders have a result");
            }
            for (Broker.Message m : broker.take("ef-e2e-priced", 1)) {
                Matcher matcher = OUTPUT.matcher(m.body().replace(" ", ""));
                if (!matcher.find()) {
                    wrong.add(m.body());
                    continue;
                }
                int id = Integer.parseInt(matcher.group(1));
                if (Double.parseDouble(matcher.group(2)) != 2 * id + 1) {
                    wrong.add(m.body());
                }
                seen.merge(id, 1, Integer::sum);
            }
        }
    }
}
