package io.eventflux.aggregator.and.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Extension;
import io.eventflux.extension.support.aggregator.AggregatorArguments;
import org.osgi.service.component.annotations.Component;

/**
 * {@code and(x)}: TRUE when at least one non-NULL value is present and none of them is FALSE; FALSE
 * when there is none (Siddhi semantics).
 */
@Component(service = AggregatorFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = AggregatorFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.AGGREGATOR, name = "and",
        description = "TRUE when at least one non-NULL value is present and none is FALSE (BOOL); "
                + "FALSE when empty, as in Siddhi.",
        parameters = "value: BOOL, the conditions combined")
public final class AndAggregatorFactory implements AggregatorFactory {

    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        AggregatorArguments.bool(spec);
        // DISTINCT does not change a logical and: accepted and ignored
        return new AndDefinition();
    }
}
