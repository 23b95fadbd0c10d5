package io.eventflux.aggregator.avg.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.extension.support.aggregator.AggregatorArguments;
import org.osgi.service.component.annotations.Component;

/** {@code avg(x)} and {@code avg(DISTINCT x)}: the mean of the non-NULL values, always DOUBLE. */
@Component(service = AggregatorFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = AggregatorFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.AGGREGATOR, name = "avg",
        description = "Mean of the non-NULL values (DOUBLE; NULL when empty); "
                + "avg(DISTINCT x) averages the distinct values.",
        parameters = "value: INT|LONG|FLOAT|DOUBLE, the values to average")
public final class AvgAggregatorFactory implements AggregatorFactory {

    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        Argument arg = AggregatorArguments.numeric(spec);
        boolean integral = arg.type() == AttributeType.INT || arg.type() == AttributeType.LONG;
        return new AvgDefinition(integral, spec.distinct());
    }
}
