package io.eventflux.connector.kafka.internal;

import static io.eventflux.connector.kafka.internal.Clients.consume;
import static io.eventflux.connector.kafka.internal.Clients.options;
import static io.eventflux.connector.kafka.internal.Clients.schema;
import static io.eventflux.connector.kafka.internal.Clients.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kafka sink against a real broker: keys, payloads, and failed sends failing the flush. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaSinkIT {
    private static Sink sink(KafkaBroker broker, String topic, String... more) {
        return new KafkaSinkFactory().create(spec(schema("Trades", "symbol", "side"), options(broker, topic, more)));
    }

    private static Event trade(String symbol, String side) {
        return new Event(1L, new Object[] {symbol, side});
    }

    @Test
    void keyedByAnAttributeSoOneSymbolStaysInOnePartition(KafkaBroker broker) throws Exception {
        broker.createTopic("sink-keyed", 3);
        Sink sink = sink(broker, "sink-keyed", "kafka.key", "symbol");
        sink.start();
        try {
            for (int i = 0; i < 30; i++) {
                Event e = trade(List.of("IBM", "ACME", "XYZ", "FOO", "BAR").get(i % 5), "s" + i);
                sink.publish("{\"n\":" + i + "}", e);
            }
            sink.flush();
        } finally {
            sink.stop();
        }
        List<ConsumerRecord<String, String>> records = consume(broker, "sink-keyed", 30);
        assertThat(records).hasSize(30);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("IBM", "ACME", "XYZ", "FOO", "BAR");
        Map<String, List<Integer>> partitionsByKey = records.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(ConsumerRecord::partition, Collectors.toList())));
        partitionsByKey.forEach((key, partitions) -> assertThat(partitions).as(key).containsOnly(partitions.get(0)));
        assertThat(partitionsByKey.values().stream().map(p -> p.get(0)).distinct().count())
                .as("five keys spread over the three partitions").isGreaterThan(1);
        Map<Integer, String> byN = new HashMap<>();
        records.forEach(r -> byN.put(Integer.parseInt(r.value().replaceAll("\\D", "")), r.key()));
        assertThat(byN.get(7)).isEqualTo("XYZ");
    }

    @Test
    void aKeyThatNamesNoAttributeIsAFixedKeyAndNoKeyMeansNull(KafkaBroker broker) throws Exception {
        broker.createTopic("sink-fixed", 1);
        Sink fixed = sink(broker, "sink-fixed", "kafka.key", "orders");
        Sink none = sink(broker, "sink-fixed");
        fixed.start();
        none.start();
        try {
            fixed.publish("a", trade("IBM", "buy"));
            fixed.flush();
            none.publish("b".getBytes(), trade("IBM", "buy"));
            none.flush();
        } finally {
            fixed.stop();
            none.stop();
        }
        List<ConsumerRecord<String, String>> records = consume(broker, "sink-fixed", 2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("orders", null);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("a", "b");
    }

    @Test
    void aFailedSendFailsTheFlushNamingTheTopicAndTheError(KafkaBroker broker) throws Exception {
        Sink sink = sink(broker, "sink-large", "kafka.max.request.size", "1000");
        sink.start();
        try {
            sink.publish("small", trade("IBM", "buy"));
            sink.publish("x".repeat(4000), trade("IBM", "buy"));
            assertThatThrownBy(sink::flush).isInstanceOf(IOException.class).hasMessageContaining("stream Trades")
                    .hasMessageContaining("1 of 2 records to kafka topic 'sink-large' failed")
                    .hasMessageContaining("RecordTooLarge");
            sink.publish("after", trade("IBM", "buy"));
            sink.flush(); // the failure belonged to the previous flush only
        } finally {
            sink.stop();
        }
        assertThat(consume(broker, "sink-large", 2)).extracting(ConsumerRecord::value)
                .containsExactly("small", "after");
    }

    @Test
    void aRecordLargerThanTheTopicAllowsFailsTheFlushWithoutHanging(KafkaBroker broker) throws Exception {
        broker.createTopic("sink-small-topic", 1, Map.of("max.message.bytes", "2000"));
        Sink sink = sink(broker, "sink-small-topic", "kafka.delivery.timeout.ms", "10000",
                "kafka.request.timeout.ms", "5000", "kafka.linger.ms", "0");
        sink.start();
        try {
            // one batch of records each over the topic's limit, and one within it
            sink.publish("x".repeat(10_000), trade("IBM", "buy"));
            sink.publish("y".repeat(5_000), trade("IBM", "buy"));
            sink.publish("small", trade("IBM", "buy"));
            sink.publish("z".repeat(3_000), trade("IBM", "buy"));
            // kafka-clients 4.1.1 splits and resends such a batch until delivery.timeout.ms, and its flush()
            // returns before (KAFKA-19479): the sink's flush waits for every record's callback (bounded) and
            // fails all four, the small one too, which went down with its batch
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(sink::flush)
                    .isInstanceOf(IOException.class).hasMessageContaining("'sink-small-topic'")
                    .hasMessageContaining("4 of 4 records").hasMessageContaining("RecordTooLarge"));
            sink.publish("after", trade("IBM", "buy"));
            assertTimeoutPreemptively(Duration.ofSeconds(60), sink::flush);
        } finally {
            sink.stop();
        }
        assertThat(consume(broker, "sink-small-topic", 2)).extracting(ConsumerRecord::value)
                .contains("after").doesNotContain("x".repeat(10_000));
    }

    @Test
    void aSendToABrokerThatIsNotThereFailsTheFlush() throws Exception {
        Map<String, String> o = new HashMap<>();
        o.put("kafka.bootstrap.servers", "127.0.0.1:1");
        o.put("kafka.topic", "nowhere");
        o.put("kafka.max.block.ms", "300");
        o.put("kafka.sasl.jaas.config", "hunter2");
        Sink sink = new KafkaSinkFactory().create(spec(schema("Trades", "symbol", "side"), o));
        sink.start();
        try {
            assertThatThrownBy(() -> {
                sink.publish("a", trade("IBM", "buy"));
                sink.flush();
            }).isInstanceOf(IOException.class).hasMessageContaining("'nowhere'").hasMessageNotContaining("hunter2");
        } finally {
            sink.stop();
        }
    }
}
