package io.eventflux.connector.basic.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;

/**
 * The inMemory source and sink for the plain-Java path ({@code EventFluxRuntime.withServiceLoader}), which
 * can only call no-argument constructors: one object is both factories over one broker (its
 * {@code create} returns an endpoint that is both a {@link Source} and a {@link Sink}). It is listed under
 * both services and the engine instantiates a provider class once per runtime even when it is listed
 * under several factory types, so the apps of one runtime share one broker. Inside OSGi the DS
 * components {@link InMemorySourceFactory} and {@link InMemorySinkFactory} share the
 * {@link InMemoryBroker} service instead (this class is no component).
 */
@ServiceProvider(value = SourceFactory.class, resolution = Resolution.OPTIONAL)
@ServiceProvider(value = SinkFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SOURCE, name = "inMemory",
        description = "inMemory source and sink: a topic shared by the apps of this runtime.",
        parameters = "inMemory.topic: STRING required, the topic")
public final class InMemoryConnectors implements SourceFactory, SinkFactory {
    private final InMemoryBroker broker = new InMemoryBroker();

    @Override
    public InMemoryEndpoint create(ConnectorSpec spec) {
        return new InMemoryEndpoint(broker, spec.require(InMemoryEndpoint.TOPIC));
    }
}
