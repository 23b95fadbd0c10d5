package io.eventflux.connector.rabbitmq.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import org.osgi.service.component.annotations.Component;

/**
 * {@code WITH (type = 'source', extension = 'rabbitmq', 'rabbitmq.host' = '...', 'rabbitmq.queue' = '...')}.
 * A delayed component that names no amqp-client type: the client loads when the first source is created.
 */
@Component(service = SourceFactory.class)
@ServiceProvider(value = SourceFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SOURCE, name = "rabbitmq",
        description = "Consumes a RabbitMQ (AMQP 0-9-1) queue; each message is acknowledged once the app has "
                + "processed it (at-least-once).",
        parameters = {"rabbitmq.host: STRING required, the broker's host",
            "rabbitmq.port: INT = 5672, the broker's port",
            "rabbitmq.vhost: STRING = /, the virtual host",
            "rabbitmq.username: STRING = guest, the user name",
            "rabbitmq.password: STRING = guest, the password (never logged)",
            "rabbitmq.queue: STRING required, the queue to consume",
            "rabbitmq.prefetch: INT = 10, unacknowledged messages the broker sends ahead",
            "rabbitmq.declare.queue: BOOL = true, declare the queue when it does not exist",
            "rabbitmq.queue.durable: BOOL = true, a declared queue survives a broker restart",
            "rabbitmq.consumer.tag: STRING = (the broker's), the consumer tag",
            "rabbitmq.auto.ack: BOOL = false, let the broker ack on delivery: at-most-once",
            "rabbitmq.stop.timeout.ms: LONG = 5000, how long a stopping source waits for the app to process what it got, "
                    + "to ack it",
            "rabbitmq.heartbeat: INT = 60, heartbeat in seconds, 0 = none",
            "rabbitmq.connection.timeout.ms: LONG = 10000, connect and handshake timeout"})
public final class RabbitSourceFactory implements SourceFactory {
    @Override
    public Source create(ConnectorSpec spec) {
        return new RabbitSource(RabbitOptions.source(spec));
    }
}
