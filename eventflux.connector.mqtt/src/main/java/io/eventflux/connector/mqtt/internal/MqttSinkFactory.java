package io.eventflux.connector.mqtt.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import org.osgi.service.component.annotations.Component;

/**
 * {@code WITH (type = 'sink', extension = 'mqtt', 'mqtt.url' = 'tcp://...', 'mqtt.topic' = 'alerts')}.
 * A delayed component that names no Paho type: the client loads when the first sink is created.
 */
@Component(service = SinkFactory.class)
@ServiceProvider(value = SinkFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SINK, name = "mqtt",
        description = "Publishes to an MQTT topic (MQTT 3.1.1 or 5) at QoS 0, 1 or 2, optionally retained; a flush "
                + "waits for the broker's acknowledgements and fails the events of messages that did not complete.",
        parameters = {"mqtt.url: STRING, the broker, tcp://host:1883 | ssl:// | ws:// | wss:// (default "
                + "tcp://localhost:1883)",
            "mqtt.topic: STRING, the topic, no wildcards (required)",
            "mqtt.qos: INT, 0 | 1 | 2 (default 1)",
            "mqtt.retain: BOOL, the broker keeps the last message for new subscribers (default false)",
            "mqtt.version: STRING, 3.1.1 | 5 (default 3.1.1)",
            "mqtt.client.id: STRING, the client id (default eventflux-<app>-<stream>-sink)",
            "mqtt.username: STRING, user name",
            "mqtt.password: STRING, password (never logged)",
            "mqtt.max.inflight: INT, messages in flight before publish waits (default 1000)",
            "mqtt.completion.timeout.ms: LONG, how long a flush waits for acknowledgements (default 30000)",
            "mqtt.keepalive: INT, keep-alive in seconds (default 60)",
            "mqtt.connection.timeout: INT, connect timeout in seconds (default 30)"})
public final class MqttSinkFactory implements SinkFactory {
    @Override
    public Sink create(ConnectorSpec spec) {
        return new MqttSink(MqttOptions.sink(spec));
    }
}
