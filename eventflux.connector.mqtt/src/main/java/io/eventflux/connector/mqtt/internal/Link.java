package io.eventflux.connector.mqtt.internal;

/**
 * One MQTT client connection, over Paho's MQTT 3.1.1 client ({@link V3Link}) or its MQTT 5 client
 * ({@link V5Link}). The source and sink are written against this, not against either Paho API.
 */
interface Link {
    /** What the client reports, on Paho's callback thread. */
    interface Handler {
        /** A message; with manual acks, {@link Link#ack} must follow for QoS 1 and 2. */
        void message(String topic, byte[] payload, int id, int qos, boolean duplicate);

        /** The connection was lost (not closed by us). */
        void lost(Throwable cause);
    }

    /** An outgoing message's completion (written for QoS 0, acknowledged for QoS 1 and 2). */
    interface Delivery {
        boolean isComplete();

        /** The failure, or null. */
        Throwable failure();

        void await(long timeoutMillis) throws Exception;
    }

    /** Connects (blocking up to the connection timeout); says whether the broker had a session. */
    boolean connect() throws Exception;

    /** Subscribes; fails when the broker refuses a filter. */
    void subscribe(java.util.List<String> filters, int qos) throws Exception;

    Delivery publish(String topic, byte[] payload, int qos, boolean retain) throws Exception;

    /** Acknowledges a message handed over by {@link Handler#message} (manual acks). */
    void ack(int id, int qos) throws Exception;

    boolean isConnected();

    /** Disconnects (quietly, bounded); the client may connect again. */
    void disconnect();

    /** Disconnects and releases the client for good. */
    void close();
}
