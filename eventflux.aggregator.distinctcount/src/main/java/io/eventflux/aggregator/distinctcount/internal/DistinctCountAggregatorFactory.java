package io.eventflux.aggregator.distinctcount.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Extension;
import io.eventflux.extension.support.aggregator.AggregatorArguments;
import org.osgi.service.component.annotations.Component;

/** {@code distinctCount(x)}, which {@code COUNT(DISTINCT x)} compiles to: the number of distinct non-NULL values. */
@Component(service = AggregatorFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = AggregatorFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.AGGREGATOR, name = "distinctCount",
        description = "Number of distinct non-NULL values (LONG, 0 when empty); COUNT(DISTINCT x) is distinctCount(x).",
        parameters = "value: any type, the values told apart by equals()")
public final class DistinctCountAggregatorFactory implements AggregatorFactory {

    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        AggregatorArguments.single(spec);
        // DISTINCT does not change a count of distinct values: accepted and ignored
        return new DistinctCountDefinition();
    }
}
