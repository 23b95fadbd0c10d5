package io.eventflux.connector.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The test's own MQTT client (Paho 3.1.1, synchronous): publishes, and collects what its subscriptions
 * receive. Its session is persistent and it reconnects by itself, so it also survives a broker restart.
 */
final class TestClient implements AutoCloseable {
    record Received(String topic, String body, int qos, boolean retained) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final MqttClient client;

    TestClient(String url, String clientId) throws MqttException {
        client = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(500);
        o.setMaxInflight(1000);
        client.connect(o);
    }

    /** A fresh client: drops any session the broker had for that id first. */
    static TestClient fresh(String url, String clientId) throws MqttException {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions clean = new MqttConnectOptions();
        clean.setCleanSession(true);
        c.connect(clean);
        c.disconnect();
        c.close();
        return new TestClient(url, clientId);
    }

    TestClient subscribe(String filter, int qos) throws MqttException {
        client.subscribe(filter, qos, (topic, m) -> received.add(new Received(topic,
                new String(m.getPayload(), StandardCharsets.UTF_8), m.getQos(), m.isRetained())));
        return this;
    }

    void publish(String topic, List<String> bodies, int qos) throws MqttException {
        for (String b : bodies) {
            publish(topic, b, qos, false);
        }
    }

    void publish(String topic, String body, int qos, boolean retain) throws MqttException {
        MqttMessage m = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
        m.setQos(qos);
        m.setRetained(retain);
        client.publish(topic, m);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    List<String> bodies() {
        return received.stream().map(Received::body).toList();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
