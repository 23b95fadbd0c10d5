package io.eventflux.window.lengthbatch.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import io.eventflux.extension.support.window.TumblingBatches;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;

/**
 * Tumbling batches of {@code size} events. Arrivals are collected silently; the {@code size}-th one
 * closes the batch: the previous batch is reported expired (stamped with the closing event's time),
 * the new batch as current, then {@code flush} at that time. An incomplete batch is never flushed.
 */
final class LengthBatchWindow implements Window {
    private static final int MAX_INITIAL_CAPACITY = 1024;

    private final int size;
    /** The batch being filled (not reported yet) and the last flushed batch. */
    private final TumblingBatches batches;

    LengthBatchWindow(int size) {
        this.size = size;
        this.batches = new TumblingBatches(Math.min(size, MAX_INITIAL_CAPACITY));
    }

    @Override
    public void process(Event event, WindowCollector out) {
        batches.add(event);
        if (batches.fillingSize() >= size) {
            batches.close(event.timestamp(), out);
        }
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        // never schedules a timer
    }

    /**
     * The last flushed batch, oldest first (the events a join sees); events of the batch being filled
     * are not in the window until it is flushed. A read-only view, valid until the next call.
     */
    @Override
    public Collection<Event> contents() {
        return batches.contents();
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {batches.encodedFilling(), batches.encodedFlushed()};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 2) {
            throw new IllegalArgumentException("not a lengthBatch window snapshot: " + state);
        }
        ArrayDeque<Event> restoredFilling = EventArrays.decode(parts[0]);
        ArrayDeque<Event> restoredFlushed = EventArrays.decode(parts[1]);
        if (restoredFilling.size() >= size || restoredFlushed.size() > size) {
            throw new IllegalArgumentException("snapshot does not fit a lengthBatch window of size " + size);
        }
        batches.restore(restoredFilling, restoredFlushed);
    }
}
