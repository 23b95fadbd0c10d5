package io.eventflux.connector.rabbitmq.internal;

import static io.eventflux.connector.rabbitmq.internal.Broker.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation and defaults of the rabbitmq.* WITH keys (no broker needed). */
class RabbitOptionsTest {
    private static Map<String, String> base(String... more) {
        Map<String, String> o = new HashMap<>(Map.of("rabbitmq.host", "mq.example"));
        for (int i = 0; i < more.length; i += 2) {
            o.put(more[i], more[i + 1]);
        }
        return o;
    }

    @Test
    void sourceDefaultsAreTheRustEnginesButWithManualAcks() {
        RabbitOptions o = RabbitOptions.source(spec("S", base("rabbitmq.queue", "orders"), "v"));
        assertThat(o.port()).isEqualTo(5672);
        assertThat(o.vhost()).isEqualTo("/");
        assertThat(o.username()).isEqualTo("guest");
        assertThat(o.prefetch()).isEqualTo(10);
        assertThat(o.declareQueue()).isTrue();
        assertThat(o.queueDurable()).isTrue();
        assertThat(o.autoAck()).as("acks after processing").isFalse();
        assertThat(o.connectionName("source")).isEqualTo("eventflux-app-S-source");
    }

    @Test
    void sinkDefaultsArePersistentMandatoryAndConfirmed() {
        RabbitOptions o = RabbitOptions.sink(spec("S", base("rabbitmq.exchange", ""), "v"));
        assertThat(o.exchange()).isEmpty();
        assertThat(o.persistent()).isTrue();
        assertThat(o.mandatory()).isTrue();
        assertThat(o.routingKeyAttribute()).isEqualTo(-1);
        assertThat(o.confirmTimeoutMillis()).isEqualTo(30_000);
        assertThat(RabbitOptions.sink(spec("S", base("rabbitmq.exchange", "x", "rabbitmq.routing.key.attribute",
                "sym"), "v", "sym")).routingKeyAttribute()).isEqualTo(1);
    }

    @Test
    void badOptionsNameTheStreamTheKeyAndTheValue() {
        assertThatThrownBy(() -> RabbitOptions.source(spec("S", Map.of("rabbitmq.queue", "q"), "v")))
                .hasMessageContaining("stream S").hasMessageContaining("'rabbitmq.host' is required");
        assertThatThrownBy(() -> RabbitOptions.source(spec("S", base(), "v")))
                .hasMessageContaining("'rabbitmq.queue' is required");
        assertThatThrownBy(() -> RabbitOptions.source(spec("S", base("rabbitmq.queue", "q", "rabbitmq.prefetch", "0"),
                "v"))).hasMessageContaining("'rabbitmq.prefetch' must be between 1 and 65535, was '0'");
        assertThatThrownBy(() -> RabbitOptions.source(spec("S", base("rabbitmq.queue", "q", "rabbitmq.port", "x"),
                "v"))).hasMessageContaining("'rabbitmq.port' must be an integer, was 'x'");
        assertThatThrownBy(() -> RabbitOptions.source(spec("S", base("rabbitmq.queue", "q", "rabbitmq.auto.ack",
                "yes"), "v"))).hasMessageContaining("'rabbitmq.auto.ack' must be true or false");
        assertThatThrownBy(() -> RabbitOptions.sink(spec("S", base(), "v")))
                .hasMessageContaining("'rabbitmq.exchange' is required");
        assertThatThrownBy(() -> RabbitOptions.sink(spec("S", base("rabbitmq.exchange", "x",
                "rabbitmq.routing.key.attribute", "nope"), "v")))
                .hasMessageContaining("'rabbitmq.routing.key.attribute' must be an attribute of the stream [v]");
        assertThatThrownBy(() -> RabbitOptions.sink(spec("S", base("rabbitmq.exchange", "x",
                "rabbitmq.exchange.type", "fan"), "v"))).hasMessageContaining("direct, fanout, topic, headers");
        assertThatThrownBy(() -> RabbitOptions.sink(spec("S", base("rabbitmq.exchange", "x",
                "rabbitmq.routing.key", "k", "rabbitmq.routing.key.attribute", "v"), "v")))
                .hasMessageContaining("exclude each other");
    }

    @Test
    void thePasswordIsRedacted() {
        RabbitOptions o = RabbitOptions.sink(spec("S", base("rabbitmq.exchange", "x", "rabbitmq.password", "hunter2"),
                "v"));
        assertThat(o.password()).isEqualTo("hunter2");
        assertThat(o.toString()).doesNotContain("hunter2").contains("password=********");
        assertThat(new RabbitSinkFactory().create(spec("S", base("rabbitmq.exchange", "x", "rabbitmq.password",
                "hunter2"), "v")).toString()).doesNotContain("hunter2");
        assertThat(o.invalid("rabbitmq.password", "hunter2", "x").getMessage()).doesNotContain("hunter2");
    }
}
