package io.eventflux.aggregator.count.internal;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;

/** A running count. The snapshot is a {@link Long}. */
final class CountAggregator implements Aggregator {
    private final boolean countsEvents;
    private long count;

    CountAggregator(boolean countsEvents) {
        this.countsEvents = countsEvents;
    }

    @Override
    public void add(Object value) {
        if (countsEvents || value != null) {
            count++;
        }
    }

    @Override
    public void remove(Object value) {
        // count > 0: removing what was never added must not make the count negative
        if ((countsEvents || value != null) && count > 0) {
            count--;
        }
    }

    @Override
    public void reset() {
        count = 0;
    }

    @Override
    public Object value() {
        return count;
    }

    @Override
    public Serializable snapshot() {
        return count;
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Long n) || n < 0) {
            throw new IllegalArgumentException("not a count snapshot: " + state);
        }
        count = n;
    }
}
