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
        parameters = {"mqtt.url: STRING, the broker, tcp://host:1883 | ssl:// | ws:// | wss:// (default "
                + "tcp://localhost:1883)",
            "mqtt.topic: STRING, topic filters separated by commas, + and # allowed (required)",
            "mqtt.qos: INT, 0 | 1 | 2 (default 1)",
            "mqtt.version: STRING, 3.1.1 | 5 (default 3.1.1)",
            "mqtt.client.id: STRING, the client id, stable for a persistent session (default eventflux-<app>-<stream>)",
            "mqtt.clean.session: BOOL, start without the broker's session (default false: messages queued while "
                    + "away are delivered)",
            "mqtt.session.expiry.interval: LONG, MQTT 5: seconds the broker keeps the session (default 86400)",
            "mqtt.username: STRING, user name",
            "mqtt.password: STRING, password (never logged)",
            "mqtt.keepalive: INT, keep-alive in seconds (default 60)",
            "mqtt.connection.timeout: INT, connect timeout in seconds (default 30)",
            "mqtt.stop.timeout.ms: LONG, how long a stopping source waits for the app to process what it got, to "
                    + "acknowledge it (default 5000)"})
public final class MqttSourceFactory implements SourceFactory {
    @Override
    public Source create(ConnectorSpec spec) {
        return new MqttSource(MqttOptions.source(spec));
    }
}
