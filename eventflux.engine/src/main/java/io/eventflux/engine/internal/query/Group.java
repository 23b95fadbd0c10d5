package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import io.eventflux.api.aggregator.Aggregator;

/** One group of a selector: its key and its aggregators. */
final class Group {
    final Object key;
    final Aggregator[] aggregators;
    /** The batch this group last took part in (batch windows). */
    long epoch = -1;
    /** The batch's last event of this group (batch windows). */
    Event last;
    /** Its position among the batch's current events, while the batch is aggregated. */
    int lastIndex;
    /** OUTPUT SNAPSHOT: the group's latest current event (of the last flushed batch, for batch windows). */
    Event lastSeen;
    /** OUTPUT SNAPSHOT over a sliding window: how many of the group's events the window holds. */
    long live;

    Group(Object key, Aggregator[] aggregators) {
        this.key = key;
        this.aggregators = aggregators;
    }

    void reset() {
        for (Aggregator a : aggregators) {
            a.reset();
        }
    }
}
