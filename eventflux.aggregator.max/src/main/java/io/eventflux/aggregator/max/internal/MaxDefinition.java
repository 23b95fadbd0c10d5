package io.eventflux.aggregator.max.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.extension.support.aggregator.ExtremeAggregator;

/** @param returnType the argument's type, kept by the result */
record MaxDefinition(AttributeType returnType) implements AggregatorDefinition {

    @Override
    public Aggregator create() {
        return ExtremeAggregator.largest("max");
    }
}
