package io.eventflux.connector.basic.internal;

import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code extension = 'inMemory'} sink (OSGi): publishes each payload to a topic of the broker. */
@Component(service = SinkFactory.class)
@Extension(type = Extension.SINK, name = "inMemory",
        description = "Publishes to a topic that inMemory sources of any app of this runtime receive.",
        parameters = "inMemory.topic: STRING required, the topic")
public final class InMemorySinkFactory implements SinkFactory {
    private final InMemoryBroker broker;

    @Activate
    public InMemorySinkFactory(@Reference InMemoryBroker broker) {
        this.broker = broker;
    }

    @Override
    public Sink create(ConnectorSpec spec) {
        return new InMemoryEndpoint(broker, spec.require(InMemoryEndpoint.TOPIC));
    }
}
