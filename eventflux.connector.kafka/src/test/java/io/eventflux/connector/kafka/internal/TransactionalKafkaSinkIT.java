package io.eventflux.connector.kafka.internal;

import static io.eventflux.connector.kafka.internal.Clients.options;
import static io.eventflux.connector.kafka.internal.Clients.schema;
import static io.eventflux.connector.kafka.internal.Clients.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SnapshotParticipant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transactional kafka sink against a real broker: what it sends becomes visible to read_committed
 * readers only when a snapshot commits it, a restarted sink fences the previous one (whose open transaction
 * is aborted) and reports the revision last committed, and a failed record fails the commit.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TransactionalKafkaSinkIT {
    private static Sink sink(KafkaBroker broker, String topic, String... more) {
        return new KafkaSinkFactory().create(spec(schema("Totals", "v"), options(broker, topic, more)));
    }

    private static void publish(Sink sink, String... values) throws Exception {
        for (String v : values) {
            sink.publish(v, new Event(1L, new Object[] {v}));
        }
        sink.flush();
    }

    @Test
    void resultsAreCommittedWithSnapshotsAndARestartAbortsWhatWasNotCommitted(KafkaBroker broker) throws Exception {
        broker.createTopic("tx-out", 1);
        Sink first = sink(broker, "tx-out", "kafka.transactional.id", "tx-a");
        SnapshotParticipant p1 = (SnapshotParticipant) first;
        assertThat(p1.enlist()).as("nothing committed yet").isEqualTo(SnapshotParticipant.NONE);
        first.start();
        publish(first, "a1", "a2", "a3");
        p1.commit("000000000000001");
        publish(first, "b1", "b2"); // sent, never committed: the process dies here

        Sink second = sink(broker, "tx-out", "kafka.transactional.id", "tx-a");
        SnapshotParticipant p2 = (SnapshotParticipant) second;
        assertThat(p2.enlist()).as("the revision of the last commit").isEqualTo("000000000000001");
        assertThatThrownBy(() -> p1.commit("000000000000002")).as("the old producer is fenced");
        first.stop();
        second.start();
        publish(second, "c1");
        p2.commit("000000000000003");
        second.stop(); // nothing open: nothing aborted

        assertThat(readCommitted(broker, "tx-out")).containsExactly("a1", "a2", "a3", "c1");
        Sink third = sink(broker, "tx-out", "kafka.transactional.id", "tx-a");
        try {
            assertThat(((SnapshotParticipant) third).enlist()).isEqualTo("000000000000003");
        } finally {
            third.stop();
        }
    }

    @Test
    void aRecordTheTopicRefusesFailsTheCommitWithinMaxBlockAndAbortsTheTransaction(KafkaBroker broker)
            throws Exception {
        broker.createTopic("tx-small", 1, Map.of("max.message.bytes", "2000"));
        Sink sink = sink(broker, "tx-small", "kafka.transactional.id", "tx-small", "kafka.max.block.ms", "5000",
                "kafka.delivery.timeout.ms", "5000", "kafka.request.timeout.ms", "3000", "kafka.linger.ms", "0");
        SnapshotParticipant p = (SnapshotParticipant) sink;
        p.enlist();
        sink.start();
        try {
            publish(sink, "fine");
            sink.publish("x".repeat(10_000), new Event(1L, new Object[] {"big"}));
            long start = System.nanoTime();
            assertThatThrownBy(() -> {
                sink.flush();
                p.commit("000000000000001");
            }).hasMessageContaining("tx-small");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded").isLessThan(Duration.ofSeconds(30));
        } finally {
            sink.stop();
        }
        assertThat(readCommitted(broker, "tx-small")).as("the whole transaction aborted").isEmpty();
    }

    /** Everything a read_committed reader sees, up to the last stable offset. */
    private static List<String> readCommitted(KafkaBroker broker, String topic) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrap(),
                "isolation.level", "read_committed", "enable.auto.commit", "false"), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }
}
