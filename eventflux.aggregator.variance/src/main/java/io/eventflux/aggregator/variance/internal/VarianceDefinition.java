package io.eventflux.aggregator.variance.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;

/** @param distinct true for {@code variance(DISTINCT x)} */
record VarianceDefinition(boolean distinct) implements AggregatorDefinition {

    @Override
    public AttributeType returnType() {
        return AttributeType.DOUBLE;
    }

    @Override
    public Aggregator create() {
        return new VarianceAggregator(distinct ? new DistinctValues() : null);
    }
}
