package io.eventflux.aggregator.avg.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;

/**
 * @param integral true for INT|LONG input (an exact long accumulator)
 * @param distinct true for {@code avg(DISTINCT x)}
 */
record AvgDefinition(boolean integral, boolean distinct) implements AggregatorDefinition {

    @Override
    public AttributeType returnType() {
        return AttributeType.DOUBLE;
    }

    @Override
    public Aggregator create() {
        return new AvgAggregator(integral, distinct ? new DistinctValues() : null);
    }
}
