package io.eventflux.connector.kafka.internal;

import io.eventflux.api.Event;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Makes the records of a sink: its topic, the key named by {@code kafka.key}, the payload as bytes. */
final class Records {
    private final String topic;
    private final int keyAttribute;
    private final byte[] fixedKey;

    Records(KafkaOptions options) {
        this.topic = options.topics().get(0);
        this.keyAttribute = options.keyAttribute();
        // Rust EventFlux's kafka.key is a fixed key: kept when the text names no attribute.
        this.fixedKey = keyAttribute == -1 ? options.keyOption().getBytes(StandardCharsets.UTF_8) : null;
    }

    String topic() {
        return topic;
    }

    ProducerRecord<byte[], byte[]> record(Object payload, Event event) {
        return new ProducerRecord<>(topic, key(event), bytes(payload));
    }

    private byte[] key(Event event) {
        if (keyAttribute >= 0) {
            Object v = event.get(keyAttribute);
            return v == null ? null : bytes(v);
        }
        return fixedKey;
    }

    private static byte[] bytes(Object payload) {
        return payload instanceof byte[] b ? b : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
    }
}
