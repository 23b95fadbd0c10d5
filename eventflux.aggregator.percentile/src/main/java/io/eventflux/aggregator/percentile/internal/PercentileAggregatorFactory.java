package io.eventflux.aggregator.percentile.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import org.osgi.service.component.annotations.Component;

/**
 * {@code percentile(x, p)}: the exact nearest-rank p-th percentile of the non-NULL values, DOUBLE.
 * SQL.md allows an approximation; this one is exact (a sorted multiset of the values present).
 */
@Component(service = AggregatorFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = AggregatorFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.AGGREGATOR, name = "percentile",
        description = "Exact p-th percentile of the non-NULL values by nearest rank (DOUBLE, one of the values; "
                + "NULL when empty); percentile(DISTINCT x, p) ranks each distinct value once.",
        parameters = {"value: INT|LONG|FLOAT|DOUBLE, the values ranked",
                "p: INT|LONG|FLOAT|DOUBLE constant in (0, 100], the percentile (50 = median, 100 = maximum)"})
public final class PercentileAggregatorFactory implements AggregatorFactory {

    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        int n = spec.arguments().size();
        if (n != 2) {
            throw new ExtensionException("aggregator '" + spec.name() + "' takes 2 arguments: "
                    + spec.name() + "(value, p); got " + n);
        }
        Argument value = spec.arguments().get(0);
        if (!value.type().isNumeric()) {
            throw new ExtensionException("aggregator '" + spec.name()
                    + "' parameter 'value' must be numeric (INT, LONG, FLOAT or DOUBLE), was " + value.describe());
        }
        Argument p = spec.arguments().get(1);
        String what = "aggregator '" + spec.name() + "' parameter 'p'";
        if (p.isDuration()) {
            throw new ExtensionException(what + " must be a numeric constant, was " + p.describe());
        }
        double percentile = p.doubleValue(what);
        if (!(percentile > 0 && percentile <= 100)) {
            throw new ExtensionException(what + " must be in (0, 100], was " + p.describe());
        }
        return new PercentileDefinition(percentile, spec.distinct());
    }
}
