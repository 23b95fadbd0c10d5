package io.eventflux.connector.rabbitmq.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import org.osgi.service.component.annotations.Component;

/**
 * {@code WITH (type = 'sink', extension = 'rabbitmq', 'rabbitmq.host' = '...', 'rabbitmq.exchange' = '...')}.
 * A delayed component that names no amqp-client type: the client loads when the first sink is created.
 */
@Component(service = SinkFactory.class)
@ServiceProvider(value = SinkFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SINK, name = "rabbitmq",
        description = "Publishes to a RabbitMQ exchange with publisher confirms; a nacked, unroutable or "
                + "unconfirmed message fails the events of its flush (error.strategy).",
        parameters = {"rabbitmq.host: STRING, the broker's host (required)",
            "rabbitmq.port: INT, the broker's port (default 5672)",
            "rabbitmq.vhost: STRING, the virtual host (default /)",
            "rabbitmq.username: STRING, default guest",
            "rabbitmq.password: STRING, default guest (never logged)",
            "rabbitmq.exchange: STRING, the exchange (required; '' is the default exchange)",
            "rabbitmq.routing.key: STRING, a fixed routing key (default '')",
            "rabbitmq.routing.key.attribute: STRING, an attribute whose value is the routing key",
            "rabbitmq.persistent: BOOL, persistent messages (delivery mode 2, default true)",
            "rabbitmq.mandatory: BOOL, a message no queue takes fails instead of vanishing (default true)",
            "rabbitmq.content.type: STRING, the content-type property",
            "rabbitmq.declare.exchange: BOOL, declare the exchange, durable (default false)",
            "rabbitmq.exchange.type: STRING, direct | fanout | topic | headers, when declared (default direct)",
            "rabbitmq.confirm.timeout.ms: LONG, how long a flush waits for the broker's confirms (default 30000)",
            "rabbitmq.heartbeat: INT, heartbeat in seconds, 0 = none (default 60)",
            "rabbitmq.connection.timeout.ms: LONG, connect and handshake timeout (default 10000)"})
public final class RabbitSinkFactory implements SinkFactory {
    @Override
    public Sink create(ConnectorSpec spec) {
        return new RabbitSink(RabbitOptions.sink(spec));
    }
}
