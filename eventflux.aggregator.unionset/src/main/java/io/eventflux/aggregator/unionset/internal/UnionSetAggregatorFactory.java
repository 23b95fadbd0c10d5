package io.eventflux.aggregator.unionset.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Extension;
import io.eventflux.extension.support.aggregator.AggregatorArguments;
import org.osgi.service.component.annotations.Component;

/**
 * {@code unionSet(x)}: the set of the distinct non-NULL values present, as an OBJECT (a
 * {@code java.util.Set}). As in Siddhi, an OBJECT argument whose value is a {@code java.util.Collection}
 * (a set made per event) contributes its elements rather than itself.
 */
@Component(service = AggregatorFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = AggregatorFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.AGGREGATOR, name = "unionSet",
        description = "Set of the distinct non-NULL values present (OBJECT: an unmodifiable java.util.Set in order of "
                + "first arrival; empty when there is none); a Collection value adds its elements.",
        parameters = "value: any type, the elements; an OBJECT that is a java.util.Collection adds each element")
public final class UnionSetAggregatorFactory implements AggregatorFactory {

    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        // DISTINCT does not change a set: accepted and ignored
        return new UnionSetDefinition(AggregatorArguments.single(spec).type() == AttributeType.OBJECT);
    }
}
