package io.eventflux.connector.kafka.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import org.osgi.service.component.annotations.Component;

/**
 * {@code WITH (type = 'source', extension = 'kafka', 'kafka.bootstrap.servers' = '...', 'kafka.topic' = '...')}.
 * A delayed component that names no Kafka type: kafka-clients loads when the first source is created.
 */
@Component(service = SourceFactory.class)
@ServiceProvider(value = SourceFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SOURCE, name = "kafka",
        description = "Consumes Kafka topics in a consumer group; offsets are committed once the app has processed "
                + "the records (at-least-once), or in a persisted app with each saved snapshot.",
        parameters = {"kafka.bootstrap.servers: STRING required, host:port list",
            "kafka.topic: STRING required, topic names separated by commas",
            "kafka.group.id: STRING = eventflux-<app>-<stream>, consumer group",
            "kafka.auto.offset.reset: STRING = latest, earliest | latest | none, where a group without offsets starts",
            "kafka.poll.timeout.ms: LONG = 100, longest wait of one poll",
            "kafka.stop.timeout.ms: LONG = 5000, how long a stopping source waits for the app to process what it got, "
                    + "to commit it",
            "kafka.<property>: STRING = (the Kafka client's), any consumer property (enable.auto.commit is always false)"})
public final class KafkaSourceFactory implements SourceFactory {
    @Override
    public Source create(ConnectorSpec spec) {
        return new KafkaSource(KafkaOptions.source(spec));
    }
}
