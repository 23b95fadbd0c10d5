package io.eventflux.aggregator.stddev.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;

/** @param distinct true for {@code stdDev(DISTINCT x)} */
record StdDevDefinition(boolean distinct) implements AggregatorDefinition {

    @Override
    public AttributeType returnType() {
        return AttributeType.DOUBLE;
    }

    @Override
    public Aggregator create() {
        return new StdDevAggregator(distinct ? new DistinctValues() : null);
    }
}
