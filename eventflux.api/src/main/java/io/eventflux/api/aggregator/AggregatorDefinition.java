package io.eventflux.api.aggregator;

import io.eventflux.api.AttributeType;
import org.osgi.annotation.versioning.ConsumerType;

/** A validated aggregate call: its result type and a factory of per-group instances. */
@ConsumerType
public interface AggregatorDefinition {
    /** The type of {@link Aggregator#value()}. */
    AttributeType returnType();

    /** A new aggregator in its empty state. */
    Aggregator create();
}
