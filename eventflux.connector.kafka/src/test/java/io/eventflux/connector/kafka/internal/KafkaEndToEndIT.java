package io.eventflux.connector.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.DeployOptions;
import io.eventflux.engine.EventFluxRuntime;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka topic, query, Kafka topic, through the engine (the plain-Java runtime finds the kafka connector
 * and the json mapper with ServiceLoader). The app is undeployed and deployed again while input keeps
 * arriving: every input's result must reach the output topic (duplicates are allowed: at-least-once).
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaEndToEndIT {
    private static final int EVENTS = 1000;
    private static final Pattern OUTPUT = Pattern.compile("\"id\":(\\d+),\"total\":([0-9.]+)");

    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());

    @AfterEach
    void close() {
        runtime.close();
    }

    private static String app(KafkaBroker broker) {
        return """
                CREATE STREAM Orders (id INT, price DOUBLE)
                  WITH (type = 'source', extension = 'kafka', format = 'json',
                        kafka.bootstrap.servers = '%1$s', kafka.topic = 'e2e-orders',
                        kafka.group.id = 'e2e-pricing', kafka.auto.offset.reset = 'earliest');
                CREATE STREAM Priced (id INT, total DOUBLE)
                  WITH (type = 'sink', extension = 'kafka', format = 'json',
                        kafka.bootstrap.servers = '%1$s', kafka.topic = 'e2e-priced', kafka.key = 'id');
                INSERT INTO Priced SELECT id, price * 2 AS total FROM Orders;
                """.formatted(broker.bootstrap());
    }

    @Test
    void topicToQueryToTopicLosesNothingAcrossARestartOfTheApp(KafkaBroker broker) throws Exception {
        broker.createTopic("e2e-orders", 3);
        broker.createTopic("e2e-priced", 2);
        CountDownLatch restarted = new CountDownLatch(1);
        Thread producer = new Thread(() -> produceOrders(broker, restarted), "orders-producer");
        producer.start();

        runtime.deploy(app(broker), DeployOptions.defaults().withName("pricing"));
        try (KafkaConsumer<String, String> output = outputReader(broker)) {
            Map<Integer, Integer> seen = new HashMap<>();
            List<String> wrong = new ArrayList<>();
            readUntil(output, seen, wrong, () -> seen.size() >= EVENTS / 4);

            // the consumer goes away in the middle (its uncommitted records are read again) and comes back;
            // the second half of the input arrives meanwhile and after
            assertThat(runtime.undeploy("pricing")).isTrue();
            assertThat(seen.size()).as("restarted in the middle").isLessThanOrEqualTo(EVENTS / 2);
            restarted.countDown();
            runtime.deploy(app(broker), DeployOptions.defaults().withName("pricing"));
            producer.join(Duration.ofSeconds(60).toMillis());

            readUntil(output, seen, wrong, () -> seen.size() == EVENTS);
            assertThat(wrong).as("every result is its input's price times two").isEmpty();
            Set<Integer> missing = new HashSet<>();
            for (int i = 0; i < EVENTS; i++) {
                if (!seen.containsKey(i)) {
                    missing.add(i);
                }
            }
            assertThat(missing).as("no input lost").isEmpty();
            int total = seen.values().stream().mapToInt(Integer::intValue).sum();
            int duplicates = total - EVENTS;
            System.out.println("kafka end to end: " + EVENTS + " inputs, " + total + " outputs, " + duplicates
                    + " duplicates (at-least-once across the restart)");
            assertThat(duplicates).isBetween(0, EVENTS);
        }
    }

    @Test
    void aTransactionalSinkInAnAppWithoutPersistenceIsRefusedAtDeploy(KafkaBroker broker) {
        String sql = app(broker).replace("kafka.key = 'id'", "kafka.key = 'id', kafka.transactional.id = 'pricing-tx'");
        assertThatThrownBy(() -> runtime.deploy(sql, DeployOptions.defaults().withName("pricing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app 'pricing'")
                .hasMessageContaining("stream Priced: sink 'kafka'").hasMessageContaining("not persisted")
                .hasMessageContaining("persistence.dir");
        assertThat(runtime.apps()).isEmpty();
    }

    /** The first half at once, the second half once the app has been undeployed. */
    private static void produceOrders(KafkaBroker broker, CountDownLatch restarted) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrap(),
                "linger.ms", "5"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                p.send(new ProducerRecord<>("e2e-orders", String.valueOf(i),
                        "{\"id\": " + i + ", \"price\": " + i + ".5}"));
                if (i % 100 == 99) {
                    p.flush(); // spread over time, so the restart happens while input is arriving
                }
                if (i == EVENTS / 2 - 1) {
                    restarted.await(60, TimeUnit.SECONDS);
                }
            }
            p.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KafkaConsumer<String, String> outputReader(KafkaBroker broker) {
        KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrap(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false"), new StringDeserializer(),
                new StringDeserializer());
        c.assign(List.of(new TopicPartition("e2e-priced", 0), new TopicPartition("e2e-priced", 1)));
        c.seekToBeginning(c.assignment());
        return c;
    }

    private static void readUntil(KafkaConsumer<String, String> output, Map<Integer, Integer> seen,
            List<String> wrong, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + seen.size() + " of " + EVENTS + " inputs have a result");
            }
            for (ConsumerRecord<String, String> r : output.poll(Duration.ofMillis(200))) {
                Matcher m = OUTPUT.matcher(r.value().replace(" ", ""));
                if (!m.find()) {
                    wrong.add(r.value());
                    continue;
                }
                int id = Integer.parseInt(m.group(1));
                if (Double.parseDouble(m.group(2)) != 2 * id + 1 || !String.valueOf(id).equals(r.key())) {
                    wrong.add(r.key() + " -> " + r.value());
                }
                seen.merge(id, 1, Integer::sum);
            }
        }
    }
}
