package io.eventflux.connector.mqtt.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import org.osgi.service.component.annotations.Component;

/**
 * {@code WITH (type = 'source', extension = 'mqtt', 'mqtt.url' = 'tcp://...', 'mqtt.topic' = 'sensors/#')}.
 * A delayed component that names no Paho type: the client loads when the first source is created.
 */
@Component(service = SourceFactory.class)
@ServiceProvider(value = SourceFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SOURCE, name = "mqtt",
        description = "Subscribes to MQTT topic filters (MQTT 3.1.1 or 5); at QoS 1 and 2 a persistent session and "
                + "acknowledgements sent once the app has processed each message (at-least-once).",
        parameters = {"mqtt.url: STRING = tcp://localhost:1883, the broker, tcp://host:1883 | ssl:// | ws:// | wss://",
            "mqtt.topic: STRING required, topic filters separated by commas, + and # allowed",
            "mqtt.qos: INT = 1, 0 | 1 | 2",
            "mqtt.version: STRING = 3.1.1, 3.1.1 | 5",
            "mqtt.client.id: STRING = eventflux-<app>-<stream>, the client id, stable for a persistent session",
            "mqtt.clean.session: BOOL = false, start without the broker's session (false: messages queued while "
                    + "away are delivered)",
            "mqtt.session.expiry.interval: LONG = 86400, MQTT 5: seconds the broker keeps the session",
            "mqtt.username: STRING = (none), user name",
            "mqtt.password: STRING = (none), password (never logged)",
            "mqtt.keepalive: INT = 60, keep-alive in seconds",
            "mqtt.connection.timeout: INT = 30, connect timeout in seconds",
            "mqtt.stop.timeout.ms: LONG = 5000, how long a stopping source waits for the app to process what it got, to "
                    + "acknowledge it"})
public final class MqttSourceFactory implements SourceFactory {
    @Override
    public Source create(ConnectorSpec spec) {
        return new MqttSource(MqttOptions.source(spec));
    }
}
