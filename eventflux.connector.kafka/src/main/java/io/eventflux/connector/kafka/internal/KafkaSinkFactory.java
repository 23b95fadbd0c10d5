package io.eventflux.connector.kafka.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import org.osgi.service.component.annotations.Component;

/**
 * {@code WITH (type = 'sink', extension = 'kafka', 'kafka.bootstrap.servers' = '...', 'kafka.topic' = '...')}.
 * A delayed component that names no Kafka type: kafka-clients loads when the first sink is created.
 */
@Component(service = SinkFactory.class)
@ServiceProvider(value = SinkFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SINK, name = "kafka",
        description = "Produces to a Kafka topic (idempotent producer, acks=all); a failed send fails the events "
                + "of its flush. With kafka.transactional.id, exactly-once with the app's snapshots.",
        parameters = {"kafka.bootstrap.servers: STRING required, host:port list",
            "kafka.topic: STRING required, the topic",
            "kafka.key: STRING = (none: no key), an attribute whose value is the record key; a text that names no "
                    + "attribute is a fixed key",
            "kafka.acks: STRING = all, 0 | 1 | all",
            "kafka.transactional.id: STRING = (none: no transactions), exactly-once: results are written in "
                    + "transactions committed with each snapshot of the app (needs persistence; read them with isolation.level=read_committed)",
            "kafka.<property>: STRING = (the Kafka client's), any producer property"})
public final class KafkaSinkFactory implements SinkFactory {
    @Override
    public Sink create(ConnectorSpec spec) {
        KafkaOptions options = KafkaOptions.sink(spec);
        return options.transactionalId() == null ? new KafkaSink(options) : new TransactionalKafkaSink(options);
    }
}
