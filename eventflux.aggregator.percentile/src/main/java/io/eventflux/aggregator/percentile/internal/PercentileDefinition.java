package io.eventflux.aggregator.percentile.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.extension.support.aggregator.DistinctValues;

/**
 * @param percentile p, in (0, 100]
 * @param distinct true for {@code percentile(DISTINCT x, p)}
 */
record PercentileDefinition(double percentile, boolean distinct) implements AggregatorDefinition {

    @Override
    public AttributeType returnType() {
        return AttributeType.DOUBLE;
    }

    @Override
    public Aggregator create() {
        return new PercentileAggregator(percentile, distinct ? new DistinctValues() : null);
    }
}
