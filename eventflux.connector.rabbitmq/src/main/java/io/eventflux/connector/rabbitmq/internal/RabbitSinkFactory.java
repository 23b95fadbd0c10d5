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
        parameters = {"rabbitmq.host: STRING required, the broker's host",
            "rabbitmq.port: INT = 5672, the broker's port",
            "rabbitmq.vhost: STRING = /, the virtual host",
            "rabbitmq.username: STRING = guest, the user name",
            "rabbitmq.password: STRING = guest, the password (never logged)",
            "rabbitmq.exchange: STRING required, the exchange ('' names the broker's default exchange)",
            "rabbitmq.routing.key: STRING = '', a fixed routing key",
            "rabbitmq.routing.key.attribute: STRING = (none: the fixed routing key), an attribute whose value is the routing key",
            "rabbitmq.persistent: BOOL = true, persistent messages (delivery mode 2)",
            "rabbitmq.mandatory: BOOL = true, a message no queue takes fails instead of vanishing",
            "rabbitmq.content.type: STRING = (none), the content-type property",
            "rabbitmq.declare.exchange: BOOL = false, declare the exchange, durable",
            "rabbitmq.exchange.type: STRING = direct, direct | fanout | topic | headers, when declared",
            "rabbitmq.confirm.timeout.ms: LONG = 30000, how long a flush waits for the broker's confirms",
            "rabbitmq.heartbeat: INT = 60, heartbeat in seconds, 0 = none",
            "rabbitmq.connection.timeout.ms: LONG = 10000, connect and handshake timeout"})
public final class RabbitSinkFactory implements SinkFactory {
    @Override
    public Sink create(ConnectorSpec spec) {
        return new RabbitSink(RabbitOptions.sink(spec));
    }
}
