package io.eventflux.connector.mqtt.internal;

import java.util.List;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/** {@link Link} over Paho's MQTT 3.1.1 client. */
final class V3Link implements Link {
    private static final long DISCONNECT_MILLIS = 2_000;

    private final MqttOptions options;
    private final MqttAsyncClient client;
    private final MqttConnectOptions connect = new MqttConnectOptions();
    private final long timeoutMillis;

    V3Link(MqttOptions options, Handler handler, boolean manualAcks, KeptPersistence persistence) throws MqttException {
        this.options = options;
        this.client = new MqttAsyncClient(options.url(), options.clientId(), persistence.v3());
        connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        connect.setCleanSession(options.cleanSession());
        connect.setAutomaticReconnect(false);
        connect.setKeepAliveInterval(options.keepAliveSeconds());
        connect.setConnectionTimeout(options.connectionTimeoutSeconds());
        connect.setMaxInflight(options.maxInflight());
        if (options.username() != null) {
            connect.setUserName(options.username());
        }
        if (options.password() != null) {
            connect.setPassword(options.password().toCharArray());
        }
        this.timeoutMillis = Math.max(1, options.connectionTimeoutSeconds()) * 1000L;
        client.setManualAcks(manualAcks);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                handler.lost(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                handler.message(topic, message.getPayload(), message.getId(), message.getQos(), message.isDuplicate());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // completions are read from the tokens
            }
        });
    }

    @Override
    public boolean connect() throws MqttException {
        IMqttToken token = client.connect(connect);
        token.waitForCompletion(timeoutMillis + 1_000);
        return token.getSessionPresent();
    }

    @Override
    public void subscribe(List<String> filters, int qos) throws MqttException {
        int[] levels = new int[filters.size()];
        java.util.Arrays.fill(levels, qos);
        IMqttToken token = client.subscribe(filters.toArray(new String[0]), levels);
        token.waitForCompletion(timeoutMillis);
        int[] granted = token.getGrantedQos();
        for (int i = 0; i < granted.length; i++) {
            if (granted[i] == 0x80) {
                throw new MqttException(MqttException.REASON_CODE_SUBSCRIBE_FAILED);
            }
        }
    }

    @Override
    public Delivery publish(String topic, byte[] payload, int qos, boolean retain) throws MqttException {
        IMqttDeliveryToken token = client.publish(topic, payload, qos, retain);
        return new Delivery() {
            @Override
            public boolean isComplete() {
                return token.isComplete();
            }

            @Override
            public Throwable failure() {
                return token.getException();
            }

            @Override
            public void await(long millis) throws MqttException {
                token.waitForCompletion(millis);
            }
        };
    }

    @Override
    public void ack(int id, int qos) throws MqttException {
        client.messageArrivedComplete(id, qos);
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void disconnect() {
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(DISCONNECT_MILLIS);
            }
        } catch (MqttException | RuntimeException e) {
            try {
                client.disconnectForcibly(0, DISCONNECT_MILLIS, false);
            } catch (MqttException | RuntimeException ignored) {
                // gone either way
            }
        }
    }

    @Override
    public void close() {
        disconnect();
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            System.getLogger(V3Link.class.getName()).log(System.Logger.Level.DEBUG, options.where() + ": close: " + e);
        }
    }
}
