package io.eventflux.aggregator.unionset.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;

/** @param unpacksCollections true for an OBJECT argument: a Collection value adds its elements */
record UnionSetDefinition(boolean unpacksCollections) implements AggregatorDefinition {

    @Override
    public AttributeType returnType() {
        return AttributeType.OBJECT;
    }

    @Override
    public Aggregator create() {
        return new UnionSetAggregator(unpacksCollections);
    }
}
