package io.eventflux.aggregator.avg.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.extension.support.aggregator.SumAggregator;

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
        return SumAggregator.mean("an avg", integral, distinct);
    }
}
