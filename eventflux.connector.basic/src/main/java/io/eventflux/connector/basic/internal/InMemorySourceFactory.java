package io.eventflux.connector.basic.internal;

import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code extension = 'inMemory'} source (OSGi): receives what inMemory sinks publish to its topic. */
@Component(service = SourceFactory.class)
@Extension(type = Extension.SOURCE, name = "inMemory",
        description = "Receives what inMemory sinks of any app of this runtime publish to a topic.",
        parameters = "inMemory.topic: STRING required, the topic")
public final class InMemorySourceFactory implements SourceFactory {
    private final InMemoryBroker broker;

    @Activate
    public InMemorySourceFactory(@Reference InMemoryBroker broker) {
        this.broker = broker;
    }

    @Override
    public Source create(ConnectorSpec spec) {
        return new InMemoryEndpoint(broker, spec.require(InMemoryEndpoint.TOPIC));
    }
}
