package io.eventflux.api.aggregator;

import io.eventflux.api.extension.Argument;
import java.util.List;

/**
 * An aggregate call as written in SQL. At most the first argument varies per event (it is fed to
 * {@link Aggregator#add}); any further arguments must be constants, e.g. {@code percentile(x, 95)}.
 *
 * @param name the aggregator name as written
 * @param arguments the arguments, resolved
 * @param distinct true for {@code agg(DISTINCT x)}
 */
public record AggregatorSpec(String name, List<Argument> arguments, boolean distinct) {
    public AggregatorSpec {
        arguments = List.copyOf(arguments);
    }
}
