package io.eventflux.connector.kafka.internal;

import static io.eventflux.connector.kafka.internal.Clients.schema;
import static io.eventflux.connector.kafka.internal.Clients.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SnapshotParticipant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation and pass-through of the kafka.* WITH keys (no broker needed). */
class KafkaOptionsTest {
    private static Map<String, String> base(String... more) {
        Map<String, String> o = new java.util.HashMap<>(Map.of("kafka.bootstrap.servers", "h:9092",
                "kafka.topic", "a, b"));
        for (int i = 0; i < more.length; i += 2) {
            o.put(more[i], more[i + 1]);
        }
        return o;
    }

    @Test
    void sourcePassesClientPropertiesThroughAndNeverAutoCommits() {
        KafkaOptions o = KafkaOptions.source(spec(schema("S", "v"), base("kafka.max.poll.records", "7",
                "kafka.auto.offset.reset", "earliest", "format", "bytes")));
        assertThat(o.topics()).containsExactly("a", "b");
        assertThat(o.client()).containsEntry("bootstrap.servers", "h:9092").containsEntry("max.poll.records", "7")
                .containsEntry("auto.offset.reset", "earliest").containsEntry("enable.auto.commit", "false")
                .containsEntry("group.id", "eventflux-app-S").doesNotContainKey("topic");
        assertThat(o.binary()).isTrue();
    }

    @Test
    void sinkDefaultsToAcksAllAndIdempotence() {
        KafkaOptions o = KafkaOptions.sink(spec(schema("S", "v"), base("kafka.topic", "out", "kafka.key", "v",
                "kafka.acks", "1")));
        assertThat(o.client()).containsEntry("acks", "1").containsEntry("enable.idempotence", "true")
                .doesNotContainKey("key");
        assertThat(o.keyAttribute()).isZero();
        assertThat(KafkaOptions.sink(spec(schema("S", "v"), base("kafka.topic", "out"))).client())
                .containsEntry("acks", "all");
    }

    @Test
    void badOptionsNameTheStreamTheKeyAndTheValue() {
        assertThatThrownBy(() -> KafkaOptions.source(spec(schema("S", "v"), Map.of("kafka.topic", "t"))))
                .hasMessageContaining("stream S").hasMessageContaining("'kafka.bootstrap.servers' is required");
        assertThatThrownBy(() -> KafkaOptions.source(spec(schema("S", "v"), base("kafka.topic", "a b"))))
                .hasMessageContaining("'kafka.topic'").hasMessageContaining("'a b'");
        assertThatThrownBy(() -> KafkaOptions.source(spec(schema("S", "v"), base("kafka.enable.auto.commit", "true"))))
                .hasMessageContaining("'kafka.enable.auto.commit'");
        assertThatThrownBy(() -> KafkaOptions.source(spec(schema("S", "v"), base("kafka.auto.offset.reset", "first"))))
                .hasMessageContaining("earliest, latest, none").hasMessageContaining("'first'");
        assertThatThrownBy(() -> KafkaOptions.sink(spec(schema("S", "v"), base())))
                .hasMessageContaining("one topic name");
        assertThatThrownBy(() -> KafkaOptions.sink(spec(schema("S", "v"), base("kafka.topic", "t",
                "kafka.transactional.id", " ")))).hasMessageContaining("'kafka.transactional.id'");
        assertThatThrownBy(() -> KafkaOptions.sink(spec(schema("S", "v"), base("kafka.topic", "t",
                "kafka.transactional.id", "tx", "kafka.acks", "1")))).hasMessageContaining("'kafka.acks'")
                .hasMessageContaining("all with kafka.transactional.id");
        assertThatThrownBy(() -> KafkaOptions.sink(spec(schema("S", "v"), base("kafka.topic", "t",
                "kafka.transactional.id", "tx", "async.enabled", "true")))).hasMessageContaining("'async.enabled'");
        assertThatThrownBy(() -> KafkaOptions.sink(spec(schema("S", "v"), base("kafka.topic", "t",
                "kafka.value.serializer", "x")))).hasMessageContaining("'kafka.value.serializer'");
    }

    @Test
    void aTransactionalIdMakesAnExactlyOnceSinkThatNeedsSnapshots() {
        Sink plain = new KafkaSinkFactory().create(spec(schema("S", "v"), base("kafka.topic", "t")));
        Sink tx = new KafkaSinkFactory().create(spec(schema("S", "v"), base("kafka.topic", "t",
                "kafka.transactional.id", " tx-1 ")));
        assertThat(plain).isNotInstanceOf(SnapshotParticipant.class);
        assertThat(tx).isInstanceOf(SnapshotParticipant.class);
        assertThat(((SnapshotParticipant) tx).needsSnapshots()).isTrue();
        assertThat(KafkaOptions.sink(spec(schema("S", "v"), base("kafka.topic", "t", "kafka.transactional.id",
                " tx-1 "))).transactionalId()).isEqualTo("tx-1");
    }

    @Test
    void secretsAreRedactedInMessages() {
        KafkaOptions o = KafkaOptions.sink(spec(schema("S", "v"), base("kafka.topic", "t",
                "kafka.sasl.jaas.config", "user=u password=hunter2", "kafka.ssl.key.password", "k3y")));
        assertThat(o.toString()).doesNotContain("hunter2").doesNotContain("k3y").contains("sasl.jaas.config");
        assertThat(o.client()).containsEntry("sasl.jaas.config", "user=u password=hunter2");
        assertThat(List.of(o.invalid("kafka.sasl.jaas.config", "secret!", "x").getMessage()))
                .noneMatch(m -> m.contains("secret!"));
    }
}
