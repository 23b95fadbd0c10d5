package io.eventflux.aggregator.maxforever.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.extension.support.aggregator.ForeverExtremeAggregator;

/** @param returnType the argument's type, kept by the result */
record MaxForeverDefinition(AttributeType returnType) implements AggregatorDefinition {

    @Override
    public Aggregator create() {
        return ForeverExtremeAggregator.largest("maxForever");
    }
}
