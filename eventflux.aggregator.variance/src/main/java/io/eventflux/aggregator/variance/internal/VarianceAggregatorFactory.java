package io.eventflux.aggregator.variance.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Extension;
import io.eventflux.extension.support.aggregator.AggregatorArguments;
import org.osgi.service.component.annotations.Component;

/** {@code variance(x)} and {@code variance(DISTINCT x)}: the population variance, always DOUBLE. */
@Component(service = AggregatorFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = AggregatorFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.AGGREGATOR, name = "variance",
        description = "Population variance of the non-NULL values (DOUBLE; 0.0 for one value, NULL when empty); "
                + "variance(DISTINCT x) uses each distinct value once.",
        parameters = "value: INT|LONG|FLOAT|DOUBLE, the values")
public final class VarianceAggregatorFactory implements AggregatorFactory {

    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        AggregatorArguments.numeric(spec);
        return new VarianceDefinition(spec.distinct());
    }
}
