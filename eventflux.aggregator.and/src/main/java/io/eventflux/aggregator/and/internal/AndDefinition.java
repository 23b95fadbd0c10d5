package io.eventflux.aggregator.and.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.extension.support.aggregator.LogicalAggregator;

/** A BOOL argument; the result is BOOL. */
record AndDefinition() implements AggregatorDefinition {

    @Override
    public AttributeType returnType() {
        return AttributeType.BOOL;
    }

    @Override
    public Aggregator create() {
        return LogicalAggregator.and("and");
    }
}
