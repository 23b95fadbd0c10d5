package io.eventflux.aggregator.variance.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.extension.support.aggregator.MomentsAggregator;

/** @param distinct true for {@code variance(DISTINCT x)} */
record VarianceDefinition(boolean distinct) implements AggregatorDefinition {

    @Override
    public AttributeType returnType() {
        return AttributeType.DOUBLE;
    }

    @Override
    public Aggregator create() {
        return MomentsAggregator.variance("variance", distinct);
    }
}
