package io.eventflux.connector.mqtt.internal;

/** Creates the Paho client of the stream's {@code mqtt.version}. */
final class Links {
    private Links() {
    }

    static Link create(MqttOptions options, Link.Handler handler, boolean manualAcks, KeptPersistence persistence)
            throws Exception {
        return options.version() == 5 ? new V5Link(options, handler, manualAcks, persistence)
                : new V3Link(options, handler, manualAcks, persistence);
    }

    /** A Paho failure as text: its message, reason code and cause (Paho messages carry no credentials). */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        if (e instanceof org.eclipse.paho.client.mqttv3.MqttException m) {
            out.append(" (reason code ").append(m.getReasonCode()).append(')');
        } else if (e instanceof org.eclipse.paho.mqttv5.common.MqttException m) {
            out.append(" (reason code ").append(m.getReasonCode()).append(')');
        }
        if (e.getCause() != null && e.getCause() != e) {
            out.append(": ").append(e.getCause());
        }
        return out.toString();
    }
}
