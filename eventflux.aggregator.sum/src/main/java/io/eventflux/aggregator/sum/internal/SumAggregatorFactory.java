package io.eventflux.aggregator.sum.internal;

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

/** {@code sum(x)} and {@code sum(DISTINCT x)}: INT|LONG give LONG, FLOAT|DOUBLE give DOUBLE. */
@Component(service = AggregatorFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = AggregatorFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.AGGREGATOR, name = "sum",
        description = "Sum of the non-NULL values (LONG for INT|LONG, DOUBLE for FLOAT|DOUBLE; NULL when empty); "
                + "sum(DISTINCT x) adds each distinct value once.",
        parameters = "value: INT|LONG|FLOAT|DOUBLE, the values to add")
public final class SumAggregatorFactory implements AggregatorFactory {

    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        Argument arg = AggregatorArguments.numeric(spec);
        boolean integral = arg.type() == AttributeType.INT || arg.type() == AttributeType.LONG;
        return new SumDefinition(integral, spec.distinct());
    }
}
