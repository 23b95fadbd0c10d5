package io.eventflux.aggregator.and.internal;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;

/**
 * TRUE when at least one non-NULL value is present and none of them is FALSE; FALSE when there is
 * none. That is Siddhi's semantics (and over nothing is FALSE, not the vacuous TRUE of logic), kept so
 * that an empty group does not read as "all conditions held". Counts of the TRUE and FALSE values
 * present make removal exact.
 *
 * <p>Snapshot: {@code long[]{trueCount, falseCount}}.
 */
final class AndAggregator implements Aggregator {
    private long trueCount;
    private long falseCount;

    @Override
    public void add(Object value) {
        if (value == null) {
            return;
        }
        if ((Boolean) value) {
            trueCount++;
        } else {
            falseCount++;
        }
    }

    @Override
    public void remove(Object value) {
        if (value == null) {
            return;
        }
        // > 0: removing what was never added must not make a count negative
        if ((Boolean) value) {
            if (trueCount > 0) {
                trueCount--;
            }
        } else if (falseCount > 0) {
            falseCount--;
        }
    }

    @Override
    public void reset() {
        trueCount = 0;
        falseCount = 0;
    }

    @Override
    public Object value() {
        return trueCount > 0 && falseCount == 0;
    }

    @Override
    public Serializable snapshot() {
        return new long[] {trueCount, falseCount};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof long[] counts) || counts.length != 2 || counts[0] < 0 || counts[1] < 0) {
            throw new IllegalArgumentException("not a and snapshot: " + state);
        }
        trueCount = counts[0];
        falseCount = counts[1];
    }
}
