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
        parameters = {"mqtt.url: STRING = tcp://localhost:1883, the broker, tcp://host:1883 | ssl:// | ws:// | wss://",
            "mqtt.topic: STRING required, the topic, no wildcards",
            "mqtt.qos: INT = 1, 0 | 1 | 2",
            "mqtt.retain: BOOL = false, the broker keeps the last message for new subscribers",
            "mqtt.version: STRING = 3.1.1, 3.1.1 | 5",
            "mqtt.client.id: STRING = eventflux-<app>-<stream>-sink, the client id",
            "mqtt.username: STRING = (none), user name",
            "mqtt.password: STRING = (none), password (never logged)",
            "mqtt.max.inflight: INT = 1000, messages in flight before publish waits",
            "mqtt.completion.timeout.ms: LONG = 30000, how long a flush waits for acknowledgements",
            "mqtt.keepalive: INT = 60, keep-alive in seconds",
            "mqtt.connection.timeout: INT = 30, connect timeout in seconds"})
public final class MqttSinkFactory implements SinkFactory {
    @Override
    public Sink create(ConnectorSpec spec) {
        return new MqttSink(MqttOptions.sink(spec));
    }
}
