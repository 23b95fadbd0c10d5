package io.eventflux.api.aggregator;

import io.eventflux.api.extension.Stateful;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One running aggregate (one per group). Runs on the writer thread. NULL values are passed on; most
 * aggregators skip them. Numeric aggregators keep primitive accumulators.
 */
@ConsumerType
public interface Aggregator extends Stateful {
    /** A value arrived (the first argument's value; null for zero-argument aggregators). */
    void add(Object value);

    /** A value that was added before left (an expired event). */
    void remove(Object value);

    /** Back to the empty state (start of a new batch). */
    void reset();

    /** The aggregate now; the empty aggregate's value is the aggregator's choice (count 0, sum null). */
    Object value();
}
