package io.eventflux.aggregator.min.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.extension.support.aggregator.ExtremeAggregator;

/** @param returnType the argument's type, kept by the result */
record MinDefinition(AttributeType returnType) implements AggregatorDefinition {

    @Override
    public Aggregator create() {
        return ExtremeAggregator.smallest("min");
    }
}
