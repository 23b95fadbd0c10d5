package io.eventflux.extension.support.aggregator;

import io.eventflux.api.aggregator.Aggregator;
import java.io.Serializable;

/**
 * Logical and/or over BOOL values, with Siddhi's semantics: {@link #and} is TRUE when at least one
 * non-NULL value is present and none of them is FALSE (over nothing it is FALSE, not the vacuous TRUE
 * of logic, so that an empty group does not read as "all conditions held"); {@link #or} is TRUE when
 * at least one value present is TRUE. Counts of the TRUE and FALSE values present make removal exact.
 *
 * <p>Snapshot: {@code long[]{trueCount, falseCount}}.
 */
public final class LogicalAggregator implements Aggregator {
    private final String name;
    private final boolean conjunction;
    private long trueCount;
    private long falseCount;

    private LogicalAggregator(String name, boolean conjunction) {
        this.name = name;
        this.conjunction = conjunction;
    }

    /** Logical and; {@code name} is the aggregator's name for error messages. */
    public static LogicalAggregator and(String name) {
        return new LogicalAggregator(name, true);
    }

    /** Logical or; {@code name} is the aggregator's name for error messages. */
    public static LogicalAggregator or(String name) {
        return new LogicalAggregator(name, false);
    }

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
        return conjunction ? trueCount > 0 && falseCount == 0 : trueCount > 0;
    }

    @Override
    public Serializable snapshot() {
        return new long[] {trueCount, falseCount};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof long[] counts) || counts.length != 2 || counts[0] < 0 || counts[1] < 0) {
            throw new IllegalArgumentException("not a " + name + " snapshot: " + state);
        }
        trueCount = counts[0];
        falseCount = counts[1];
    }
}
