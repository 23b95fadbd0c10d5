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
        parameters = {"rabbitmq.host: STRING, the broker's host (required)",
            "rabbitmq.port: INT, the broker's port (default 5672)",
            "rabbitmq.vhost: STRING, the virtual host (default /)",
            "rabbitmq.username: STRING, default guest",
            "rabbitmq.password: STRING, default guest (never logged)",
            "rabbitmq.queue: STRING, the queue to consume (required)",
            "rabbitmq.prefetch: INT, unacknowledged messages the broker sends ahead (default 10)",
            "rabbitmq.declare.queue: BOOL, declare the queue when it does not exist (default true)",
            "rabbitmq.queue.durable: BOOL, a declared queue survives a broker restart (default true)",
            "rabbitmq.consumer.tag: STRING, the consumer tag (default: the broker's)",
            "rabbitmq.auto.ack: BOOL, let the broker ack on delivery: at-most-once (default false)",
            "rabbitmq.stop.timeout.ms: LONG, how long a stopping source waits for the app to process what it got, "
                    + "to ack it (default 5000)",
            "rabbitmq.heartbeat: INT, heartbeat in seconds, 0 = none (default 60)",
            "rabbitmq.connection.timeout.ms: LONG, connect and handshake timeout (default 10000)"})
public final class RabbitSourceFactory implements SourceFactory {
    @Override
    public Source create(ConnectorSpec spec) {
        return new RabbitSource(RabbitOptions.source(spec));
    }
}
