package io.eventflux.connector.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.DeployOptions;
import io.eventflux.engine.EventFluxRuntime;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real MQTT client publishes readings at QoS 1, the app (plain-Java runtime, ServiceLoader) converts them
 * and publishes at QoS 1, a real MQTT client with a persistent session collects them. In the middle the
 * (private) broker is restarted: the engine restarts the source with its backoff, which resumes its session
 * and gets its unacknowledged and queued messages; the sink's failed batch is retried (error.strategy =
 * retry). Every reading must have its result; duplicates are allowed (at-least-once).
 */
class MqttEndToEndIT {
    private static final int EVENTS = 600;
    private static final Pattern OUTPUT = Pattern.compile("\"id\":(\\d+),\"fahrenheit\":([0-9.]+)");

    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());

    @AfterEach
    void close() {
        runtime.close();
    }

    private static String app(String url, String version) {
        return """
                CREATE STREAM Readings (id INT, celsius DOUBLE)
                  WITH (type = 'source', extension = 'mqtt', format = 'json', mqtt.url = '%1$s',
                        mqtt.version = '%2$s', mqtt.topic = 'ef/e2e/readings/+', mqtt.qos = '1',
                        error.retry.initial-delay = '50', error.retry.max-delay = '500');
                CREATE STREAM Converted (id INT, fahrenheit DOUBLE)
                  WITH (type = 'sink', extension = 'mqtt', format = 'json', mqtt.url = '%1$s',
                        mqtt.version = '%2$s', mqtt.topic = 'ef/e2e/converted', mqtt.qos = '1',
                        mqtt.connection.timeout = '2', error.strategy = 'retry', error.retry.max-attempts = '100',
                        error.retry.initial-delay = '50', error.retry.max-delay = '500');
                INSERT INTO Converted SELECT id, celsius * 9 / 5 + 32 AS fahrenheit FROM Readings;
                """.formatted(url, version);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void topicToQueryToTopicLosesNothingAcrossABrokerRestart(String version) throws Exception {
        try (Mosquitto broker = Mosquitto.start();
                TestClient consumer = TestClient.fresh(broker.url(), "ef-e2e-consumer");
                TestClient producer = TestClient.fresh(broker.url(), "ef-e2e-producer")) {
            consumer.subscribe("ef/e2e/converted", 1);
            runtime.deploy(app(broker.url(), version), DeployOptions.defaults().withName("e2e"));
            Map<Integer, Integer> seen = new HashMap<>();
            List<String> wrong = new java.util.ArrayList<>();

            publish(producer, 0, EVENTS / 2);
            readUntil(consumer, seen, wrong, () -> seen.size() >= EVENTS / 4);
            broker.restart(); // some readings still in flight or queued
            Await.until("the test clients back", Duration.ofSeconds(30),
                    () -> producer.isConnected() && consumer.isConnected());
            publish(producer, EVENTS / 2, EVENTS);

            readUntil(consumer, seen, wrong, () -> seen.size() == EVENTS);
            assertThat(wrong).as("every result is its reading converted").isEmpty();
            Set<Integer> missing = new HashSet<>();
            for (int i = 0; i < EVENTS; i++) {
                if (!seen.containsKey(i)) {
                    missing.add(i);
                }
            }
            assertThat(missing).as("no reading lost").isEmpty();
            int total = seen.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println("mqtt " + version + " end to end: " + EVENTS + " readings, " + total + " results, "
                    + (total - EVENTS) + " duplicates (at-least-once across the broker restart)");
            assertThat(runtime.undeploy("e2e")).isTrue();
        }
    }

    private static void publish(TestClient producer, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            producer.publish("ef/e2e/readings/" + (i % 3), "{\"id\": " + i + ", \"celsius\": " + i + "}", 1, false);
        }
    }

    private static void readUntil(TestClient consumer, Map<Integer, Integer> seen, List<String> wrong,
            java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int read = 0;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + seen.size() + " of " + EVENTS + " readings have a result");
            }
            List<TestClient.Received> all = consumer.received;
            if (read == all.size()) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                continue;
            }
            for (; read < all.size(); read++) {
                String body = all.get(read).body();
                Matcher m = OUTPUT.matcher(body.replace(" ", ""));
                if (!m.find()) {
                    wrong.add(body);
                    continue;
                }
                int id = Integer.parseInt(m.group(1));
                if (Double.parseDouble(m.group(2)) != id * 9.0 / 5 + 32) {
                    wrong.add(body);
                }
                seen.merge(id, 1, Integer::sum);
            }
        }
    }
}
