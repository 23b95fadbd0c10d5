package io.eventflux.aggregator.distinctcount.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;

/** Any argument type; the result is always LONG. */
record DistinctCountDefinition() implements AggregatorDefinition {

    @Override
    public AttributeType returnType() {
        return AttributeType.LONG;
    }

    @Override
    public Aggregator create() {
        return new DistinctCountAggregator();
    }
}
