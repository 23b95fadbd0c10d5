package io.eventflux.engine.internal.expr;

import io.eventflux.api.aggregator.Aggregator;

/**
 * What executors read while evaluating one row: the input event's data and timestamp, the aggregates of
 * its group and (for HAVING / ORDER BY) the output row. One instance per query instance, reused for every
 * event; only the app's writer thread touches it.
 */
public final class EvalContext {
    /**
     * The timestamp of an event sent at "now" whose time is read only when first needed: an input handler's
     * event on the wall clock into a stream whose one query keeps no events ({@code StreamJunction}). The
     * first reader stamps it with the clock: a filter's function asking for {@code eventTimestamp()}, or the
     * query when the event passes its filter (so an event the filter drops never reads the clock).
     */
    public static final long UNSTAMPED = Long.MIN_VALUE;

    /** The input event's attribute values. */
    public Object[] data;
    /** The input event's timestamp (what {@code eventTimestamp()} returns). */
    public long timestamp;
    /** The aggregators of the current group, by slot. */
    public Aggregator[] aggregates;
    /** The output row being built (HAVING and ORDER BY). */
    public Object[] output;
    /**
     * Set by the primitive evaluation paths when the value is NULL. A primitive path only ever sets it;
     * whoever switches from a boxed to a primitive path saves, clears and restores it.
     */
    public boolean wasNull;

    /**
     * Points the context at one event. The reference is stored only when it changes: the context lives long
     * (in the old generation), where every store of a young reference pays the collector's write barrier.
     */
    public void bind(Object[] eventData, long eventTimestamp) {
        if (data != eventData) {
            data = eventData;
        }
        timestamp = eventTimestamp;
    }
}
