package io.eventflux.connector.rabbitmq.internal;

import static io.eventflux.connector.rabbitmq.internal.Broker.options;
import static io.eventflux.connector.rabbitmq.internal.Broker.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rabbitmq sink against the machine's broker: routing, persistence, publisher confirms, failures. */
class RabbitSinkIT {
    private Broker broker;

    @BeforeEach
    void connect() {
        broker = Broker.connect();
    }

    @AfterEach
    void close() {
        broker.close();
    }

    private static Sink sink(String... pairs) {
        return new RabbitSinkFactory().create(spec("Trades", options(pairs), "symbol", "side"));
    }

    private static Event trade(String symbol, String side) {
        return new Event(1L, new Object[] {symbol, side});
    }

    @Test
    void routesByAFixedKeyOrAnAttributeWithPersistentConfirmedMessages() throws Exception {
        broker.exchange("ef-sink-trades", "direct");
        broker.queue("ef-sink-ibm", null);
        broker.queue("ef-sink-all", null);
        broker.bind("ef-sink-ibm", "ef-sink-trades", "IBM");
        broker.bind("ef-sink-all", "ef-sink-trades", "all");
        Sink byAttribute = sink("rabbitmq.exchange", "ef-sink-trades", "rabbitmq.routing.key.attribute", "symbol",
                "rabbitmq.mandatory", "false", "rabbitmq.content.type", "application/json");
        Sink fixed = sink("rabbitmq.exchange", "ef-sink-trades", "rabbitmq.routing.key", "all");
        byAttribute.start();
        fixed.start();
        try {
            byAttribute.publish("{\"n\":1}", trade("IBM", "buy"));
            byAttribute.publish("{\"n\":2}", trade("ACME", "sell")); // no queue for ACME, and not mandatory
            byAttribute.publish("{\"n\":3}".getBytes(), trade("IBM", "sell"));
            byAttribute.flush();
            fixed.publish("x", trade("IBM", "buy"));
            fixed.flush();
        } finally {
            byAttribute.stop();
            fixed.stop();
        }
        List<Broker.Message> ibm = broker.take("ef-sink-ibm", 2);
        assertThat(ibm).extracting(Broker.Message::body).containsExactly("{\"n\":1}", "{\"n\":3}");
        assertThat(ibm).extracting(Broker.Message::routingKey).containsOnly("IBM");
        assertThat(ibm).extracting(Broker.Message::deliveryMode).as("persistent").containsOnly(2);
        assertThat(ibm).extracting(Broker.Message::contentType).containsOnly("application/json");
        assertThat(broker.take("ef-sink-all", 1)).extracting(Broker.Message::body).containsExactly("x");
        assertThat(broker.ready("ef-sink-ibm")).isZero();
    }

    @Test
    void anUnroutableMessageFailsTheFlushWhenMandatory() throws Exception {
        broker.exchange("ef-sink-nowhere", "direct");
        Sink sink = sink("rabbitmq.exchange", "ef-sink-nowhere", "rabbitmq.routing.key", "nobody");
        sink.start();
        try {
            sink.publish("lost?", trade("IBM", "buy"));
            assertThatThrownBy(sink::flush).isInstanceOf(IOException.class).hasMessageContaining("stream Trades")
                    .hasMessageContaining("exchange 'ef-sink-nowhere'").hasMessageContaining("returned as unroutable")
                    .hasMessageContaining("NO_ROUTE");
        } finally {
            sink.stop();
        }
    }

    @Test
    void aNackFromTheBrokerFailsTheFlush() throws Exception {
        // a queue that holds one message and refuses (nacks) the ones after it
        broker.queue("ef-sink-full", Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        Sink sink = sink("rabbitmq.exchange", "", "rabbitmq.routing.key", "ef-sink-full");
        sink.start();
        try {
            sink.publish("first", trade("IBM", "buy"));
            sink.flush();
            sink.publish("second", trade("IBM", "buy"));
            sink.publish("third", trade("IBM", "buy"));
            assertThatThrownBy(sink::flush).isInstanceOf(IOException.class)
                    .hasMessageContaining("of 2 messages to exchange ''").hasMessageContaining("nacked");
        } finally {
            sink.stop();
        }
        assertThat(broker.take("ef-sink-full", 1)).extracting(Broker.Message::body).containsExactly("first");
    }

    @Test
    void aConnectionClosedByTheBrokerFailsTheUnconfirmedBatchAndTheNextPublishReconnects() throws Exception {
        broker.queue("ef-sink-lost", null);
        Sink sink = new RabbitSinkFactory().create(spec("LostTrades", options("rabbitmq.exchange", "",
                "rabbitmq.routing.key", "ef-sink-lost", "rabbitmq.confirm.timeout.ms", "3000"), "symbol", "side"));
        sink.start();
        try {
            sink.publish("a", trade("IBM", "buy"));
            sink.flush();
            sink.publish("b", trade("IBM", "buy"));
            assertThat(Broker.closeConnections("eventflux-app-LostTrades-sink")).isEqualTo(1);
            sink.publish("c", trade("IBM", "buy")); // on the dead connection, or reconnecting
            // what the engine does under error.strategy = retry: the batch [b, c] again until a flush succeeds
            int failures = 0;
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    if (failures > 0) {
                        sink.publish("b", trade("IBM", "buy"));
                        sink.publish("c", trade("IBM", "buy"));
                    }
                    sink.flush();
                    break;
                } catch (IOException e) {
                    assertThat(e).hasMessageContaining("stream LostTrades");
                    failures++;
                    assertThat(System.nanoTime()).as("a flush succeeds again").isLessThan(deadline);
                }
            }
            assertThat(failures).as("b was published on the lost connection: its batch fails").isPositive();
        } finally {
            sink.stop();
        }
        List<String> bodies = new java.util.ArrayList<>();
        broker.take("ef-sink-lost", 3).forEach(m -> bodies.add(m.body()));
        broker.take("ef-sink-lost", (int) broker.ready("ef-sink-lost")).forEach(m -> bodies.add(m.body()));
        assertThat(bodies).as("at-least-once: b may be there twice").contains("a", "b", "c").startsWith("a");
    }

    @Test
    void wrongCredentialsFailTheStartWithoutShowingThePassword() {
        Sink sink = sink("rabbitmq.exchange", "", "rabbitmq.username", "nobody", "rabbitmq.password", "hunter2");
        assertThatThrownBy(sink::start).isInstanceOf(IOException.class).hasMessageContaining("stream Trades")
                .hasMessageNotContaining("hunter2");
    }
}
