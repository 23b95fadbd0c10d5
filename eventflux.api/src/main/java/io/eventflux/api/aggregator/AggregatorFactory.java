package io.eventflux.api.aggregator;

import io.eventflux.api.extension.ExtensionException;
import org.osgi.annotation.versioning.ConsumerType;

/** Creates aggregators of one kind. Register it as a DS service with {@code @Extension(type = "aggregator")}. */
@ConsumerType
public interface AggregatorFactory {
    /**
     * Validates the argument types and constants at compile time.
     *
     * @throws ExtensionException naming the bad argument
     */
    AggregatorDefinition define(AggregatorSpec spec);
}
