package io.eventflux.window.lengthbatch.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;

/**
 * Tumbling batches of {@code size} events. Arrivals are collected silently; the {@code size}-th one
 * closes the batch: the previous batch is reported expired (stamped with the closing event's time),
 * the new batch as current, then {@code flush} at that time. An incomplete batch is never flushed.
 */
final class LengthBatchWindow implements Window {
    private static final int MAX_INITIAL_CAPACITY = 1024;

    private final int size;
    /** The batch being filled (not reported yet). */
    private ArrayDeque<Event> filling;
    /** The last flushed batch: what the window holds until the next flush expires it. */
    private ArrayDeque<Event> flushed;

    LengthBatchWindow(int size) {
        this.size = size;
        this.filling = new ArrayDeque<>(Math.min(size, MAX_INITIAL_CAPACITY));
        this.flushed = new ArrayDeque<>(Math.min(size, MAX_INITIAL_CAPACITY));
    }

    @Override
    public void process(Event event, WindowCollector out) {
        filling.addLast(event);
        if (filling.size() < size) {
            return;
        }
        long now = event.timestamp();
        for (Event old : flushed) {
            out.expired(old.asExpired(now));
        }
        for (Event e : filling) {
            out.current(e);
        }
        out.flush(now);
        // reuse the two buffers instead of allocating one per batch
        ArrayDeque<Event> spare = flushed;
        spare.clear();
        flushed = filling;
        filling = spare;
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
        return Collections.unmodifiableCollection(flushed);
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {EventArrays.encode(filling), EventArrays.encode(flushed)};
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
        filling = restoredFilling;
        flushed = restoredFlushed;
    }
}
