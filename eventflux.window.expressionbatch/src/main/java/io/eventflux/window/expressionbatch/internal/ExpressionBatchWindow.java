package io.eventflux.window.expressionbatch.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.ConditionState;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import io.eventflux.extension.support.window.TumblingBatches;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;

/**
 * Batches that grow while a condition over them holds. Arrivals are collected silently while the
 * condition, evaluated over the batch with the arrival, holds. An arrival that makes it false closes the
 * batch <em>without</em> itself: the previous batch is reported expired (stamped with the arrival's time),
 * the closed batch current, then {@code flush} at the arrival's time; the arrival starts the next batch.
 * An arrival that violates the condition on its own is a batch of one, flushed at once. A batch is never
 * flushed by time: the last one waits for the arrival that closes it.
 */
final class ExpressionBatchWindow implements Window {
    private final ConditionState condition;
    /**
     * The batch being filled (not reported yet; the condition's state covers exactly its events) and the
     * last flushed batch (what the window holds until the next flush expires it).
     */
    private final TumblingBatches batches = new TumblingBatches();
    /** The oldest event of the batch being filled, or null when it is empty. */
    private Event first;

    ExpressionBatchWindow(ConditionState condition) {
        this.condition = condition;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        condition.add(event);
        if (condition.holds(first == null ? event : first, event)) {
            add(event);
            return;
        }
        long now = event.timestamp();
        if (first != null) {
            close(now, out);
            condition.reset();
            condition.add(event);
            if (condition.holds(event, event)) {
                add(event);
                return;
            }
        }
        add(event); // violates the condition on its own: a batch of one
        close(now, out);
        condition.reset();
    }

    private void add(Event event) {
        if (first == null) {
            first = event;
        }
        batches.add(event);
    }

    /** Expires the previous batch, reports the filling one and makes it the held batch. */
    private void close(long now, WindowCollector out) {
        batches.close(now, out);
        first = null;
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        // never schedules a timer
    }

    /** The last flushed batch, oldest first; events of the batch being filled are not in the window yet. */
    @Override
    public Collection<Event> contents() {
        return batches.contents();
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {batches.encodedFilling(), batches.encodedFlushed(), condition.snapshot()};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 3) {
            throw new IllegalArgumentException("not an expressionBatch window snapshot: " + state);
        }
        ArrayDeque<Event> restoredFilling = EventArrays.decode(parts[0]);
        ArrayDeque<Event> restoredFlushed = EventArrays.decode(parts[1]);
        condition.restore((Serializable) parts[2]);
        batches.restore(restoredFilling, restoredFlushed);
        first = restoredFilling.peekFirst();
    }
}
