package io.eventflux.connector.mqtt.internal;

import static io.eventflux.connector.mqtt.internal.Mosquitto.options;
import static io.eventflux.connector.mqtt.internal.Mosquitto.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mqtt sink against Mosquitto (MQTT 3.1.1 and 5): QoS, retain, a broker restart in a batch. */
class MqttSinkIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Sink sink(String url, String version, String stream, String topic, String... more) {
        Map<String, String> o = options(url, "mqtt.topic", topic, "mqtt.version", version);
        for (int i = 0; i < more.length; i += 2) {
            o.put(more[i], more[i + 1]);
        }
        return new MqttSinkFactory().create(spec(stream, o, "v"));
    }

    private static Event event(String v) {
        return new Event(1L, new Object[] {v});
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void publishesAtEachQosAndRetainsWhenAsked(String version) throws Exception {
        String url = Mosquitto.shared();
        String t = "ef/sink/" + version.replace(".", "");
        try (TestClient subscriber = TestClient.fresh(url, "ef-test-sub-" + t.replace('/', '-'))) {
            subscriber.subscribe(t + "/#", 2);
            for (int qos = 0; qos <= 2; qos++) {
                Sink sink = sink(url, version, "Out" + qos, t + "/q" + qos, "mqtt.qos", String.valueOf(qos));
                sink.start();
                try {
                    sink.publish("a" + qos, event("x"));
                    sink.publish(("b" + qos).getBytes(), event("y"));
                    sink.flush();
                } finally {
                    sink.stop();
                }
            }
            Await.until("6 messages", WAIT, () -> subscriber.received.size() == 6);
            assertThat(subscriber.received).extracting(TestClient.Received::topic).containsOnly(t + "/q0", t + "/q1",
                    t + "/q2");
            assertThat(subscriber.bodies()).containsExactlyInAnyOrder("a0", "b0", "a1", "b1", "a2", "b2");
            assertThat(subscriber.received).filteredOn(r -> r.topic().endsWith("q2")).extracting(
                    TestClient.Received::qos).containsOnly(2);

            Sink retained = sink(url, version, "Retained", t + "/retained", "mqtt.retain", "true");
            retained.start();
            retained.publish("last", event("z"));
            retained.flush();
            retained.stop();
        }
        try (TestClient late = TestClient.fresh(url, "ef-test-late-" + t.replace('/', '-'))) {
            late.subscribe(t + "/retained", 1);
            Await.until("the retained message", WAIT, () -> late.received.size() == 1);
            assertThat(late.received.get(0).body()).isEqualTo("last");
            assertThat(late.received.get(0).retained()).isTrue();
            late.publish(t + "/retained", "", 1, true); // clears it
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void aBrokerRestartFailsTheBatchInFlightAndTheNextPublishReconnects(String version) throws Exception {
        try (Mosquitto broker = Mosquitto.start();
                TestClient subscriber = TestClient.fresh(broker.url(), "ef-test-sub-restart")) {
            subscriber.subscribe("ef/out", 1);
            Sink sink = sink(broker.url(), version, "Alerts", "ef/out", "mqtt.connection.timeout", "2");
            sink.start();
            try {
                sink.publish("a", event("a"));
                sink.flush();
                broker.stop();
                assertThatThrownBy(() -> {
                    sink.publish("b", event("b"));
                    sink.flush();
                }).isInstanceOf(IOException.class).hasMessageContaining("stream Alerts")
                        .hasMessageContaining(broker.url());
                broker.restart();
                Await.until("the subscriber back", WAIT, subscriber::isConnected);
                // what the engine does under error.strategy = retry: the failed batch again
                sink.publish("b", event("b"));
                sink.flush();
            } finally {
                sink.stop();
            }
            Await.until("a and b", WAIT, () -> subscriber.bodies().containsAll(java.util.List.of("a", "b")));
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void aBrokerThatIsNotThereFailsTheStartWithoutShowingThePassword(String version) {
        Sink sink = sink("tcp://127.0.0.1:1", version, "Nowhere", "x", "mqtt.username", "u", "mqtt.password",
                "hunter2", "mqtt.connection.timeout", "2");
        assertThatThrownBy(sink::start).isInstanceOf(IOException.class).hasMessageContaining("stream Nowhere")
                .hasMessageContaining("tcp://127.0.0.1:1").hasMessageNotContaining("hunter2");
    }
}
