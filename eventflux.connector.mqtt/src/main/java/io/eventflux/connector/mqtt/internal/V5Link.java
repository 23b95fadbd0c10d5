package io.eventflux.connector.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * {@link Link} over Paho's MQTT 5 client. A persistent session is {@code cleanStart = false} with
 * {@code mqtt.session.expiry.interval} seconds (a clean session expires at once).
 */
final class V5Link implements Link {
    private static final long DISCONNECT_MILLIS = 2_000;

    private final MqttOptions options;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions connect = new MqttConnectionOptions();
    private final long timeoutMillis;

    V5Link(MqttOptions options, Handler handler, boolean manualAcks, KeptPersistence persistence) throws MqttException {
        this.options = options;
        this.client = new MqttAsyncClient(options.url(), options.clientId(), persistence.v5());
        connect.setCleanStart(options.cleanSession());
        connect.setSessionExpiryInterval(options.cleanSession() ? 0L : options.sessionExpirySeconds());
        connect.setAutomaticReconnect(false);
        connect.setKeepAliveInterval(options.keepAliveSeconds());
        connect.setConnectionTimeout(options.connectionTimeoutSeconds());
        if (options.username() != null) {
            connect.setUserName(options.username());
        }
        if (options.password() != null) {
            connect.setPassword(options.password().getBytes(StandardCharsets.UTF_8));
        }
        this.timeoutMillis = Math.max(1, options.connectionTimeoutSeconds()) * 1000L;
        client.setManualAcks(manualAcks);
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                handler.lost(response.getException() != null ? response.getException()
                        : new MqttException(response.getReturnCode()));
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
                handler.lost(e);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                handler.message(topic, message.getPayload(), message.getId(), message.getQos(), message.isDuplicate());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
                // completions are read from the tokens
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                // connect() waits for its token
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
                // no enhanced authentication
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
        for (int code : token.getReasonCodes()) {
            if (code >= 0x80) {
                throw new MqttException(code);
            }
        }
    }

    @Override
    public Delivery publish(String topic, byte[] payload, int qos, boolean retain) throws MqttException {
        IMqttToken token = client.publish(topic, payload, qos, retain);
        return new Delivery() {
            @Override
            public boolean isComplete() {
                return token.isComplete();
            }

            @Override
            public Throwable failure() {
                if (token.getException() != null) {
                    return token.getException();
                }
                int[] codes = token.getReasonCodes();
                // PUBACK/PUBREC reason codes of 0x80 and above (quota exceeded, not authorized...) are failures
                if (token.isComplete() && codes != null && codes.length > 0 && codes[0] >= 0x80) {
                    return new MqttException(codes[0]);
                }
                return null;
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
            System.getLogger(V5Link.class.getName()).log(System.Logger.Level.DEBUG, options.where() + ": close: " + e);
        }
    }
}
