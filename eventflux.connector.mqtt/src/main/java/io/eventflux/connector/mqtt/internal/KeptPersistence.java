package io.eventflux.connector.mqtt.internal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paho's in-flight state (QoS 2 messages received but not yet released, QoS 1 and 2 messages not yet
 * acknowledged) kept in memory by a source across its clients: Paho's own MemoryPersistence
 * empties itself when a client opens or closes it, and each connection is a new client, so a QoS 2
 * message whose PUBREL comes after a reconnect would be answered but never delivered. Not kept across a
 * restart of the process.
 */
final class KeptPersistence {
    private final Map<String, Object> entries = new ConcurrentHashMap<>();

    org.eclipse.paho.client.mqttv3.MqttClientPersistence v3() {
        return new org.eclipse.paho.client.mqttv3.MqttClientPersistence() {
            @Override
            public void open(String clientId, String serverUri) {
            }

            @Override
            public void close() {
            }

            @Override
            public void put(String key, org.eclipse.paho.client.mqttv3.MqttPersistable value) {
                entries.put(key, value);
            }

            @Override
            public org.eclipse.paho.client.mqttv3.MqttPersistable get(String key) {
                return (org.eclipse.paho.client.mqttv3.MqttPersistable) entries.get(key);
            }

            @Override
            public void remove(String key) {
                entries.remove(key);
            }

            @Override
            public Enumeration<String> keys() {
                return Collections.enumeration(entries.keySet());
            }

            @Override
            public void clear() {
                entries.clear();
            }

            @Override
            public boolean containsKey(String key) {
                return entries.containsKey(key);
            }
        };
    }

    org.eclipse.paho.mqttv5.client.MqttClientPersistence v5() {
        return new org.eclipse.paho.mqttv5.client.MqttClientPersistence() {
            @Override
            public void open(String clientId) {
            }

            @Override
            public void close() {
            }

            @Override
            public void put(String key, org.eclipse.paho.mqttv5.common.MqttPersistable value) {
                entries.put(key, value);
            }

            @Override
            public org.eclipse.paho.mqttv5.common.MqttPersistable get(String key) {
                return (org.eclipse.paho.mqttv5.common.MqttPersistable) entries.get(key);
            }

            @Override
            public void remove(String key) {
                entries.remove(key);
            }

            @Override
            public Enumeration<String> keys() {
                return Collections.enumeration(entries.keySet());
            }

            @Override
            public void clear() {
                entries.clear();
            }

            @Override
            public boolean containsKey(String key) {
                return entries.containsKey(key);
            }
        };
    }
}
