package io.eventflux.aggregator.last.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.extension.support.aggregator.ArrivalOrderAggregator;

/** @param returnType the argument's type, kept by the result */
record LastDefinition(AttributeType returnType) implements AggregatorDefinition {

    @Override
    public Aggregator create() {
        return ArrivalOrderAggregator.newest("last");
    }
}
