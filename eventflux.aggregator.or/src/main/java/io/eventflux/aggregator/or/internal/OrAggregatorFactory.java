package io.eventflux.aggregator.or.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Extension;
import io.eventflux.extension.support.aggregator.AggregatorArguments;
import org.osgi.service.component.annotations.Component;

/** {@code or(x)}: TRUE when a non-NULL value present is TRUE; FALSE otherwise, also when empty (as in Siddhi). */
@Component(service = AggregatorFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = AggregatorFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.AGGREGATOR, name = "or",
        description = "TRUE when at least one non-NULL value present is TRUE (BOOL); FALSE when empty.",
        parameters = "value: BOOL, the conditions combined")
public final class OrAggregatorFactory implements AggregatorFactory {

    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        AggregatorArguments.bool(spec);
        // DISTINCT does not change a logical or: accepted and ignored
        return new OrDefinition();
    }
}
