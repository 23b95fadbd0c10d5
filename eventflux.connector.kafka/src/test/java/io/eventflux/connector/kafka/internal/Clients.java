package io.eventflux.connector.kafka.internal;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients and connector specs for the tests. */
final class Clients {
    private Clients() {
    }

    static ConnectorSpec spec(StreamSchema schema, Map<String, String> options) {
        return new ConnectorSpec("app", schema, options);
    }

    static StreamSchema schema(String name, String... attributes) {
        List<Attribute> list = new ArrayList<>();
        for (String a : attributes) {
            list.add(new Attribute(a, AttributeType.STRING));
        }
        return new StreamSchema(name, list);
    }

    static Map<String, String> options(KafkaBroker broker, String topic, String... more) {
        Map<String, String> o = new HashMap<>();
        o.put("kafka.bootstrap.servers", broker.bootstrap());
        o.put("kafka.topic", topic);
        for (int i = 0; i < more.length; i += 2) {
            o.put(more[i], more[i + 1]);
        }
        return o;
    }

    /** Sends values (key = value) and waits for the acknowledgements. */
    static void produce(KafkaBroker broker, String topic, List<String> values) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrap()),
                new StringSerializer(), new StringSerializer())) {
            for (String v : values) {
                p.send(new ProducerRecord<>(topic, v, v));
            }
            p.flush();
        }
    }

    /** Reads a topic from the beginning until {@code count} records came (or a timeout). */
    static List<ConsumerRecord<String, String>> consume(KafkaBroker broker, String topic, int count) {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrap(), "group.id", "check-" + topic,
                "auto.offset.reset", "earliest", "enable.auto.commit", "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    static List<String> range(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(prefix + i);
        }
        return out;
    }
}
