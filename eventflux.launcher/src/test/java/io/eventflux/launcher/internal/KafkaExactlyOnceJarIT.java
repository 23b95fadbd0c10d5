package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.connector.kafka.internal.KafkaBroker;
import io.eventflux.connector.kafka.internal.KafkaBrokerExtension;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka to Kafka with {@code kafka.transactional.id}, through the exported jar ({@code eventflux run APP.sql
 * --state DIR}) and a real broker: a windowed sum over a topic, snapshots every 300 ms. The first process is
 * killed with SIGKILL while results sit in an open transaction; the second restores the committed snapshot.
 * A read_committed reader of the output topic must see exactly what an uninterrupted run of the same app on
 * the same input wrote: every result once, none lost, in order.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaExactlyOnceJarIT {
    private static final int EVENTS = 4000;
    private static final int BATCH = 5;
    private static final int CHUNK = 50;

    @TempDir
    Path dir;

    private Path app(KafkaBroker broker, String name, String in, String out) throws IOException {
        return Files.writeString(dir.resolve(name + ".sql"), """
                @app:name('%2$s')
                @app:persistence(interval = '300 ms')
                CREATE STREAM Readings (sensor STRING, value LONG) WITH (type = 'source', extension = 'kafka',
                  format = 'json', kafka.bootstrap.servers = '%1$s', kafka.topic = '%3$s',
                  kafka.group.id = '%2$s-readers', kafka.auto.offset.reset = 'earliest',
                  kafka.session.timeout.ms = '6000', kafka.heartbeat.interval.ms = '1000');
                CREATE STREAM Totals (total LONG, n LONG, top LONG) WITH (type = 'sink', extension = 'kafka',
                  format = 'json', kafka.bootstrap.servers = '%1$s', kafka.topic = '%4$s',
                  kafka.transactional.id = '%2$s-totals');
                INSERT INTO Totals SELECT sum(value) AS total, count() AS n, max(value) AS top
                  FROM Readings WINDOW('lengthBatch', %5$d);
                """.formatted(broker.bootstrap(), name, in, out, BATCH));
    }

    @Test
    void afterSigkillEveryResultIsCommittedExactlyOnce(KafkaBroker broker) throws Exception {
        int results = EVENTS / BATCH;
        // the uninterrupted run
        broker.createTopic("eo-ref-in", 1);
        broker.createTopic("eo-ref-out", 1);
        produce(broker, "eo-ref-in", 1, EVENTS);
        Path refLog = dir.resolve("ref.txt");
        Process ref = run(app(broker, "Reference", "eo-ref-in", "eo-ref-out"), dir.resolve("ref-state"), refLog);
        try {
            await("all results of the uninterrupted run", () -> endOffset(broker, "eo-ref-out", true) > 0
                    && readCommitted(broker, "eo-ref-out").size() == results, ref, refLog);
        } finally {
            stop(ref);
        }
        List<String> expected = readCommitted(broker, "eo-ref-out");
        assertThat(expected).hasSize(results).doesNotHaveDuplicates();
        assertThat(expected.get(0).replace(" ", "")).isEqualTo("{\"total\":15,\"n\":5,\"top\":5}");

        // the crashed run: the first half of the input, then chunks until results wait in an open transaction
        broker.createTopic("eo-in", 1);
        broker.createTopic("eo-out", 1);
        int produced = EVENTS / 2;
        produce(broker, "eo-in", 1, produced);
        Path state = dir.resolve("state");
        Path log1 = dir.resolve("run1.txt");
        Path sql = app(broker, "Crashed", "eo-in", "eo-out");
        Process first = run(sql, state, log1);
        try {
            await("a first committed transaction", () -> !readCommitted(broker, "eo-out").isEmpty(), first, log1);
            while (!openTransaction(broker, "eo-out")) {
                assertThat(produced).as("results left in an open transaction before the input ran out")
                        .isLessThan(EVENTS);
                produce(broker, "eo-in", produced + 1, produced + CHUNK);
                produced += CHUNK;
                pollFor(() -> openTransaction(broker, "eo-out"), Duration.ofMillis(200));
            }
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown snapshot, the transaction stays open
        }
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int committedAtKill = readCommitted(broker, "eo-out").size();
        assertThat(committedAtKill).as("killed in the middle").isGreaterThan(0).isLessThan(results);
        produce(broker, "eo-in", produced + 1, EVENTS);

        Path log2 = dir.resolve("run2.txt");
        Process second = run(sql, state, log2);
        try {
            await("all results after the restart", () -> readCommitted(broker, "eo-out").size() >= results, second,
                    log2);
        } finally {
            stop(second);
        }
        assertThat(read(log2)).as("resumed from the committed snapshot, not from the start")
                .contains("\"stream\":\"Totals\"").doesNotContain("{\"total\":15,\"n\":5,\"top\":5}");
        List<String> actual = readCommitted(broker, "eo-out");
        assertThat(actual).as("exactly the uninterrupted run's results, in order").containsExactlyElementsOf(expected);
        assertThat(broker.committed("Crashed-readers").get(new TopicPartition("eo-in", 0)).offset())
                .as("the source committed the offsets of the snapshots, up to the end of the input").isEqualTo(EVENTS);
        int written = readUncommitted(broker, "eo-out").size();
        System.out.println("kafka exactly-once across SIGKILL: " + results + " results, " + committedAtKill
                + " committed at the kill, " + (written - results) + " written in aborted transactions");
        assertThat(written).as("the killed run's open transaction held results, aborted").isGreaterThan(results);
    }

    private Process run(Path sql, Path state, Path log) throws IOException {
        String jar = System.getProperty("eventflux.jar", "target/eventflux.jar");
        return new ProcessBuilder(java(), "-jar", jar, "run", sql.toString(), "--state", state.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static void produce(KafkaBroker broker, String topic, int from, int to) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrap()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = from; i <= to; i++) {
                p.send(new ProducerRecord<>(topic, "{\"sensor\": \"s" + i + "\", \"value\": " + i + "}"));
            }
            p.flush();
        }
    }

    /** Whether the topic holds records of a transaction that is not finished (high watermark past the LSO). */
    private static boolean openTransaction(KafkaBroker broker, String topic) {
        return endOffset(broker, topic, false) > endOffset(broker, topic, true);
    }

    private static long endOffset(KafkaBroker broker, String topic, boolean committed) {
        try (KafkaConsumer<String, String> c = consumer(broker, committed)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            return c.endOffsets(List.of(tp)).get(tp);
        }
    }

    private static List<String> readCommitted(KafkaBroker broker, String topic) {
        return readAll(broker, topic, true);
    }

    private static List<String> readUncommitted(KafkaBroker broker, String topic) {
        return readAll(broker, topic, false);
    }

    /** The topic from the beginning up to its end offset (the last stable offset for read_committed). */
    private static List<String> readAll(KafkaBroker broker, String topic, boolean committed) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer(broker, committed)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(100)).forEach(r -> out.add(r.value().replace(" ", "")));
            }
        }
        return out;
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker broker, boolean committed) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrap(), "enable.auto.commit", "false",
                "isolation.level", committed ? "read_committed" : "read_uncommitted"), new StringDeserializer(),
                new StringDeserializer());
    }

    private static void await(String what, BooleanSupplier condition, Process p, Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (!p.isAlive() || System.nanoTime() - deadline > 0) {
                throw new AssertionError("waiting for " + what + (p.isAlive() ? ": timed out" : ": the process ended")
                        + "; its output:\n" + read(log));
            }
            pollFor(() -> false, Duration.ofMillis(50));
        }
    }

    /** Bounded polling: returns once the condition holds or the time is up. */
    private static boolean pollFor(BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return condition.getAsBoolean();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
