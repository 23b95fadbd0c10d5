package io.eventflux.aggregator.count.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;

/** @param countsEvents true for {@code count()}: every add counts, NULL or not */
record CountDefinition(boolean countsEvents) implements AggregatorDefinition {

    @Override
    public AttributeType returnType() {
        return AttributeType.LONG;
    }

    @Override
    public Aggregator create() {
        return new CountAggregator(countsEvents);
    }
}
