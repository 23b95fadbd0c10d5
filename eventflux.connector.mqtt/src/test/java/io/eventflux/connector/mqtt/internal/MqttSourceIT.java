package io.eventflux.connector.mqtt.internal;

import static io.eventflux.connector.mqtt.internal.Mosquitto.options;
import static io.eventflux.connector.mqtt.internal.Mosquitto.range;
import static io.eventflux.connector.mqtt.internal.Mosquitto.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.io.Source;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mqtt source against Mosquitto (MQTT 3.1.1 and 5): topic filters, acknowledgements after processed(),
 * persistent sessions across restarts of the source and of the broker, backpressure, pause.
 */
class MqttSourceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Source source(String url, String version, String stream, String topics, String... more) {
        Map<String, String> o = options(url, "mqtt.topic", topics, "mqtt.version", version);
        for (int i = 0; i < more.length; i += 2) {
            o.put(more[i], more[i + 1]);
        }
        return new MqttSourceFactory().create(spec(stream, o, "v"));
    }

    private static String v(String version) {
        return version.replace(".", "");
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void deliversWhatMatchesTheTopicFiltersWithTheTopicAsLocation(String version) throws Exception {
        String url = Mosquitto.shared();
        String t = "ef/src/" + v(version);
        RecordingListener listener = new RecordingListener();
        Source source = source(url, version, "Filters" + v(version), t + "/+/temp," + t + "/all/#",
                "mqtt.clean.session", "true");
        source.start(listener);
        try (TestClient client = TestClient.fresh(url, "ef-test-pub-filters" + v(version))) {
            client.publish(t + "/kitchen/temp", "a", 1, false);
            client.publish(t + "/kitchen/humidity", "no", 1, false);
            client.publish(t + "/all/x/y", "b", 0, false);
            client.publish(t + "/other", "no", 2, false);
            client.publish(t + "/hall/temp", "c", 2, false);
            Await.until("3 messages", WAIT, () -> listener.received.size() == 3);
            Await.never("a message of another topic", Duration.ofMillis(300), () -> listener.received.size() > 3);
            assertThat(listener.values()).containsExactly("a", "b", "c");
            assertThat(listener.received.get(0).location()).isEqualTo("mqtt topic " + t + "/kitchen/temp");
        } finally {
            source.stop();
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void unprocessedMessagesAreDeliveredAgainWhenTheSessionResumes(String version) throws Exception {
        String url = Mosquitto.shared();
        String topic = "ef/src/" + v(version) + "/resume";
        Source source = source(url, version, "Resume" + v(version), topic, "mqtt.stop.timeout.ms", "200");
        RecordingListener first = new RecordingListener().gated();
        source.start(first); // subscribes; the session outlives the connection
        try (TestClient client = TestClient.fresh(url, "ef-test-pub-resume" + v(version))) {
            client.publish(topic, range("m", 0, 3), 1);
            Await.until("3 messages", WAIT, () -> first.received.size() == 3);
            source.stop(); // processed() never completed: not acknowledged

            client.publish(topic, range("m", 3, 5), 1); // while the source is away: queued in its session
            RecordingListener second = new RecordingListener();
            source.start(second);
            Await.until("the 3 unacknowledged and the 2 queued", WAIT, () -> second.received.size() >= 5);
            assertThat(second.values()).containsExactlyInAnyOrderElementsOf(range("m", 0, 5));
            Await.until("all processed and acknowledged", WAIT, () -> second.processedCalls.get() > 0);
            source.stop();

            RecordingListener third = new RecordingListener();
            source.start(third);
            client.publish(topic, "m5", 1, false);
            Await.until("the new one", WAIT, () -> third.received.size() >= 1);
            assertThat(third.values()).as("what was processed is not delivered again").containsExactly("m5");
        } finally {
            source.stop();
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void aBrokerRestartLosesNoQos1Message(String version) throws Exception {
        try (Mosquitto broker = Mosquitto.start();
                TestClient client = TestClient.fresh(broker.url(), "ef-test-pub-restart")) {
            Source source = source(broker.url(), version, "Restart", "ef/restart", "mqtt.qos", "1");
            RecordingListener first = new RecordingListener().gated();
            source.start(first);
            try {
                client.publish("ef/restart", range("m", 0, 5), 1);
                Await.until("5 messages", WAIT, () -> first.received.size() == 5);

                broker.restart();
                Await.until("the loss reported", WAIT, () -> first.connectionLost.get() != null);
                assertThat(first.connectionLost.get()).hasMessageContaining("stream Restart")
                        .hasMessageContaining(broker.url());
                Await.until("the test client back", WAIT, client::isConnected);
                client.publish("ef/restart", range("m", 5, 10), 1); // queued in the source's saved session

                // what the engine does on onConnectionLost: stop, then start again (with backoff)
                source.stop();
                RecordingListener second = new RecordingListener();
                source.start(second);
                Await.until("every message: the 5 unacknowledged and the 5 queued", WAIT,
                        () -> second.values().containsAll(range("m", 0, 10)));
            } finally {
                source.stop();
            }
        }
    }

    @Test
    void qos2AcrossAReconnectIsDeliveredOnce() throws Exception {
        String url = Mosquitto.shared();
        Source source = source(url, "3.1.1", "Exactly", "ef/src/qos2", "mqtt.qos", "2");
        RecordingListener first = new RecordingListener();
        source.start(first);
        try (TestClient client = TestClient.fresh(url, "ef-test-pub-qos2")) {
            client.publish("ef/src/qos2", range("m", 0, 5), 2);
            Await.until("5 messages", WAIT, () -> first.received.size() == 5);
            source.stop();
            RecordingListener second = new RecordingListener();
            source.start(second);
            client.publish("ef/src/qos2", "m5", 2, false);
            Await.until("the next one", WAIT, () -> second.received.size() >= 1);
            assertThat(second.values()).containsExactly("m5");
        } finally {
            source.stop();
        }
    }

    @Test
    void aFullAppHoldsTheCallbackAndNothingIsLost() throws Exception {
        String url = Mosquitto.shared();
        RecordingListener listener = new RecordingListener().capacity(2);
        Source source = source(url, "3.1.1", "Full", "ef/src/full", "mqtt.clean.session", "true");
        source.start(listener);
        try (TestClient client = TestClient.fresh(url, "ef-test-pub-full")) {
            client.publish("ef/src/full", range("m", 0, 15), 1);
            Await.until("2 taken", WAIT, () -> listener.received.size() == 2);
            Await.never("more while the app is full", Duration.ofMillis(500), () -> listener.received.size() > 2);
            listener.addCapacity(100);
            Await.until("all 15", WAIT, () -> listener.received.size() == 15);
            assertThat(listener.values()).as("in order, none lost, none twice")
                    .containsExactlyElementsOf(range("m", 0, 15));
        } finally {
            source.stop();
        }
    }

    @Test
    void pauseAndResumeFromTheEngine() throws Exception {
        String url = Mosquitto.shared();
        RecordingListener listener = new RecordingListener();
        Source source = source(url, "3.1.1", "Paused", "ef/src/pause", "mqtt.clean.session", "true");
        source.start(listener);
        try (TestClient client = TestClient.fresh(url, "ef-test-pub-pause")) {
            client.publish("ef/src/pause", range("a", 0, 3), 1);
            Await.until("3 messages", WAIT, () -> listener.received.size() == 3);
            source.pause();
            client.publish("ef/src/pause", range("b", 0, 3), 1);
            Await.never("a message delivered while paused", Duration.ofMillis(800), () -> listener.received.size() > 3);
            source.resume();
            Await.until("the 3 sent while paused", WAIT, () -> listener.received.size() == 6);
            assertThat(listener.values()).containsExactly("a0", "a1", "a2", "b0", "b1", "b2");
        } finally {
            source.stop();
        }
    }

    @Test
    void aBrokerThatIsNotThereFailsTheStartWithoutShowingThePassword() {
        Source source = source("tcp://127.0.0.1:1", "3.1.1", "Nowhere", "x", "mqtt.username", "u",
                "mqtt.password", "hunter2", "mqtt.connection.timeout", "2");
        assertThatThrownBy(() -> source.start(new RecordingListener())).isInstanceOf(IOException.class)
                .hasMessageContaining("stream Nowhere").hasMessageContaining("tcp://127.0.0.1:1")
                .hasMessageNotContaining("hunter2");
    }
}
