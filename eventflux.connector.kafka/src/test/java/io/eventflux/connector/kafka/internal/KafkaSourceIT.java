package io.eventflux.connector.kafka.internal;

import static io.eventflux.connector.kafka.internal.Clients.options;
import static io.eventflux.connector.kafka.internal.Clients.produce;
import static io.eventflux.connector.kafka.internal.Clients.range;
import static io.eventflux.connector.kafka.internal.Clients.schema;
import static io.eventflux.connector.kafka.internal.Clients.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.io.Source;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kafka source against a real broker: delivery, at-least-once commits, backpressure, restarts. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaSourceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Source source(KafkaBroker broker, String topic, String group, String... more) {
        Map<String, String> o = options(broker, topic, "kafka.group.id", group, "kafka.auto.offset.reset", "earliest");
        for (int i = 0; i < more.length; i += 2) {
            o.put(more[i], more[i + 1]);
        }
        return new KafkaSourceFactory().create(spec(schema("Orders", "v"), o));
    }

    @Test
    void deliversWithLocationAndCommitsOnlyAfterProcessed(KafkaBroker broker) throws Exception {
        broker.createTopic("src-commit", 1);
        produce(broker, "src-commit", range("r", 0, 5));
        RecordingListener listener = new RecordingListener().gated();
        Source source = source(broker, "src-commit", "g-commit");
        source.start(listener);
        try {
            Await.until("5 records", WAIT, () -> listener.received.size() == 5);
            assertThat(listener.values()).containsExactly("r0", "r1", "r2", "r3", "r4");
            assertThat(listener.received).extracting(RecordingListener.Received::location)
                    .containsExactly("src-commit-0@0", "src-commit-0@1", "src-commit-0@2", "src-commit-0@3",
                            "src-commit-0@4");
            Await.until("processed() asked", WAIT, () -> listener.processedCalls.get() > 0);
            assertThat(broker.committed("g-commit")).as("nothing committed before processed() completes").isEmpty();

            listener.release();
            TopicPartition tp = new TopicPartition("src-commit", 0);
            Await.until("offset 5 committed", WAIT, () -> broker.committed("g-commit").containsKey(tp)
                    && broker.committed("g-commit").get(tp).offset() == 5);
        } finally {
            source.stop();
        }
    }

    @Test
    void unprocessedRecordsAreDeliveredAgainToTheNextConsumerOfTheGroup(KafkaBroker broker) throws Exception {
        broker.createTopic("src-redeliver", 1);
        produce(broker, "src-redeliver", range("r", 0, 5));
        RecordingListener first = new RecordingListener().gated();
        Source a = source(broker, "src-redeliver", "g-redeliver", "kafka.stop.timeout.ms", "300");
        a.start(first);
        Await.until("5 records", WAIT, () -> first.received.size() == 5);
        a.stop(); // before processed() completed: the app may have lost them
        assertThat(broker.committed("g-redeliver")).isEmpty();

        RecordingListener second = new RecordingListener();
        Source b = source(broker, "src-redeliver", "g-redeliver");
        b.start(second);
        try {
            Await.until("the same 5 records again", WAIT, () -> second.received.size() == 5);
            assertThat(second.values()).containsExactly("r0", "r1", "r2", "r3", "r4");
        } finally {
            b.stop();
        }
    }

    @Test
    void aConsumerRestartInTheMiddleLosesNoRecord(KafkaBroker broker) throws Exception {
        broker.createTopic("src-restart", 3);
        List<String> all = range("r", 0, 600);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < all.size(); i += 100) {
                produce(broker, "src-restart", all.subList(i, i + 100));
            }
        });
        producer.start();
        RecordingListener first = new RecordingListener();
        Source a = source(broker, "src-restart", "g-restart");
        a.start(first);
        Await.until("the first consumer got some", WAIT, () -> first.received.size() >= 150);
        a.stop();
        RecordingListener second = new RecordingListener();
        Source b = source(broker, "src-restart", "g-restart");
        b.start(second);
        try {
            producer.join(WAIT.toMillis());
            Set<String> seen = ConcurrentHashMap.newKeySet();
            Await.until("every record by one consumer or the other", WAIT, () -> {
                seen.addAll(first.values());
                seen.addAll(second.values());
                return seen.containsAll(all);
            });
            int duplicates = first.received.size() + second.received.size() - all.size();
            assertThat(duplicates).as("at-least-once: duplicates only of uncommitted records").isGreaterThanOrEqualTo(0)
                    .isLessThan(all.size());
        } finally {
            b.stop();
        }
    }

    @Test
    void backpressurePausesThePartitionsAndOffersTheRecordsAgain(KafkaBroker broker) throws Exception {
        broker.createTopic("src-backpressure", 1);
        produce(broker, "src-backpressure", range("r", 0, 20));
        RecordingListener listener = new RecordingListener().capacity(3);
        Source source = source(broker, "src-backpressure", "g-backpressure");
        source.start(listener);
        try {
            Await.until("3 taken, then refusals", WAIT, () -> listener.received.size() == 3
                    && listener.refused.get() > 10);
            assertThat(listener.received).hasSize(3);
            listener.addCapacity(100);
            Await.until("all 20", WAIT, () -> listener.received.size() == 20);
            assertThat(listener.values()).as("in order, none lost, none twice").containsExactlyElementsOf(
                    range("r", 0, 20));
            assertThat(listener.connectionLost.get()).isNull();
        } finally {
            source.stop();
        }
    }

    @Test
    void pauseAndResumeFromTheEngine(KafkaBroker broker) throws Exception {
        broker.createTopic("src-pause", 1);
        RecordingListener listener = new RecordingListener();
        Source source = source(broker, "src-pause", "g-pause");
        source.start(listener);
        try {
            produce(broker, "src-pause", range("a", 0, 3));
            Await.until("3 records", WAIT, () -> listener.received.size() == 3);
            source.pause();
            produce(broker, "src-pause", range("b", 0, 3));
            Await.never("a record delivered while paused", Duration.ofSeconds(1), () -> listener.received.size() > 3);
            source.resume();
            Await.until("the 3 records produced while paused", WAIT, () -> listener.received.size() == 6);
            assertThat(listener.values()).containsExactly("a0", "a1", "a2", "b0", "b1", "b2");
        } finally {
            source.stop();
        }
    }

    @Test
    void aRestoredSnapshotSeeksToItsPositions(KafkaBroker broker) throws Exception {
        broker.createTopic("src-snapshot", 1);
        produce(broker, "src-snapshot", range("r", 0, 4));
        RecordingListener first = new RecordingListener();
        Source a = source(broker, "src-snapshot", "g-snapshot-1");
        a.start(first);
        Await.until("4 records", WAIT, () -> first.received.size() == 4);
        Serializable snapshot = a.snapshot();
        a.stop();
        assertThat(snapshot).isEqualTo(new HashMap<>(Map.of("src-snapshot-0", 4L)));
        produce(broker, "src-snapshot", range("r", 4, 7));

        // another group, which has no committed offsets and would start at the earliest record
        RecordingListener second = new RecordingListener();
        Source b = source(broker, "src-snapshot", "g-snapshot-2");
        b.restore(snapshot);
        assertThat(b.snapshot()).as("restored, not assigned yet").isEqualTo(snapshot);
        b.start(second);
        try {
            Await.until("the records after the snapshot", WAIT, () -> second.received.size() >= 3);
            assertThat(second.values()).containsExactly("r4", "r5", "r6");
        } finally {
            b.stop();
        }
    }

    @Test
    void bytesFormatDeliversByteArrays(KafkaBroker broker) throws Exception {
        broker.createTopic("src-bytes", 1);
        produce(broker, "src-bytes", List.of("x"));
        RecordingListener listener = new RecordingListener();
        Source source = source(broker, "src-bytes", "g-bytes", "format", "bytes");
        source.start(listener);
        try {
            Await.until("1 record", WAIT, () -> listener.received.size() == 1);
            assertThat(listener.received.get(0).payload()).isEqualTo("x".getBytes());
        } finally {
            source.stop();
        }
    }

    @Test
    void aRevokedPartitionIsCommittedOnceProcessedBeforeAnotherConsumerGetsIt(KafkaBroker broker) throws Exception {
        broker.createTopic("src-rebalance", 2);
        produce(broker, "src-rebalance", range("old", 0, 10));
        RecordingListener first = new RecordingListener().gated();
        Source a = source(broker, "src-rebalance", "g-rebalance");
        a.start(first);
        Await.until("10 records, none processed yet", WAIT, () -> first.received.size() == 10);
        int asked = first.processedCalls.get();

        RecordingListener second = new RecordingListener();
        Source b = source(broker, "src-rebalance", "g-rebalance");
        b.start(second); // the group rebalances: the first consumer's partitions are revoked
        try {
            Await.until("the revoking consumer waits for processed()", WAIT,
                    () -> first.processedCalls.get() > asked);
            assertThat(broker.committed("g-rebalance")).isEmpty();
            first.release();
            Await.until("both partitions committed at their ends", WAIT, () -> {
                Map<TopicPartition, ?> c = broker.committed("g-rebalance");
                return c.size() == 2;
            });
            long committedTotal = broker.committed("g-rebalance").values().stream().mapToLong(o -> o.offset()).sum();
            assertThat(committedTotal).isEqualTo(10);

            produce(broker, "src-rebalance", range("new", 0, 10));
            Set<String> news = new HashSet<>(range("new", 0, 10));
            Await.until("the new records", WAIT, () -> {
                Set<String> got = new HashSet<>(first.values());
                got.addAll(second.values());
                return got.containsAll(news);
            });
            assertThat(second.values()).as("nothing processed and committed is read again").noneMatch(
                    v -> v.startsWith("old"));
            assertThat(first.received.size() + second.received.size()).isEqualTo(20);
        } finally {
            a.stop();
            b.stop();
        }
    }
}
