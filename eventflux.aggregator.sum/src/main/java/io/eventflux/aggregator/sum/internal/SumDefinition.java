package io.eventflux.aggregator.sum.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.extension.support.aggregator.SumAggregator;

/**
 * @param integral true for INT|LONG input (a long accumulator, LONG result)
 * @param distinct true for {@code sum(DISTINCT x)}
 */
record SumDefinition(boolean integral, boolean distinct) implements AggregatorDefinition {

    @Override
    public AttributeType returnType() {
        return integral ? AttributeType.LONG : AttributeType.DOUBLE;
    }

    @Override
    public Aggregator create() {
        return SumAggregator.sum("a sum", integral, distinct);
    }
}
