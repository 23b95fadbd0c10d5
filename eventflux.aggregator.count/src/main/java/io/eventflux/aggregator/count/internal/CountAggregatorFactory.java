package io.eventflux.aggregator.count.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import org.osgi.service.component.annotations.Component;

/** {@code count()} counts events; {@code count(x)} counts the non-NULL values of x. Both are LONG. */
@Component(service = AggregatorFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = AggregatorFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.AGGREGATOR, name = "count",
        description = "Number of events, or of non-NULL values of the argument (LONG, 0 when empty).",
        parameters = "value: any type, optional; when given, NULL values are not counted")
public final class CountAggregatorFactory implements AggregatorFactory {

    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        int n = spec.arguments().size();
        if (n > 1) {
            throw new ExtensionException("aggregator '" + spec.name() + "' takes 0 or 1 argument(s): "
                    + spec.name() + "() or " + spec.name() + "(value); got " + n);
        }
        if (spec.distinct()) {
            throw new ExtensionException("aggregator '" + spec.name()
                    + "' does not take DISTINCT; COUNT(DISTINCT x) is distinctCount(x)");
        }
        return new CountDefinition(n == 0);
    }
}
