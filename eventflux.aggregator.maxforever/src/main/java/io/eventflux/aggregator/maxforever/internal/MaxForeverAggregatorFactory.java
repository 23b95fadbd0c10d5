package io.eventflux.aggregator.maxforever.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.extension.support.aggregator.AggregatorArguments;
import org.osgi.service.component.annotations.Component;

/** {@code maxForever(x)}: the largest non-NULL value ever seen, of the argument's own type (strings too). */
@Component(service = AggregatorFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = AggregatorFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.AGGREGATOR, name = "maxForever",
        description = "Largest non-NULL value ever seen, of the argument's type (NULL before the first); "
                + "expired events and batch ends do not lower it; works on strings.",
        parameters = "value: STRING|INT|LONG|FLOAT|DOUBLE|BOOL, the values compared")
public final class MaxForeverAggregatorFactory implements AggregatorFactory {

    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        Argument arg = AggregatorArguments.comparable(spec);
        // DISTINCT does not change an extreme: accepted and ignored
        return new MaxForeverDefinition(arg.type());
    }
}
