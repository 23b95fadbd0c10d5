package io.eventflux.extension.support.window;

import io.eventflux.api.Event;
import io.eventflux.api.window.WindowCollector;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;

/**
 * The two buffers of a tumbling batch window: the batch being filled (not reported yet) and the last
 * flushed batch (what the window holds until the next flush expires it). Closing a batch reports the
 * flushed one expired, the filled one current, then {@code flush}; the two buffers are then swapped
 * and reused, so a batch allocates nothing. For batches on a time grid, {@link #closeUpTo} closes every
 * batch that has ended and skips idle boundaries.
 */
public final class TumblingBatches {
    private ArrayDeque<Event> filling;
    private ArrayDeque<Event> flushed;

    public TumblingBatches(int initialCapacity) {
        this.filling = new ArrayDeque<>(initialCapacity);
        this.flushed = new ArrayDeque<>(initialCapacity);
    }

    public TumblingBatches() {
        this(16);
    }

    /** The first boundary after {@code time} on the grid {@code origin + k*duration}. */
    public static long boundaryAfter(long origin, long time, long duration) {
        return origin + (Math.floorDiv(time - origin, duration) + 1) * duration;
    }

    /** Adds an arrival to the batch being filled. */
    public void add(Event event) {
        filling.addLast(event);
    }

    /** The number of events in the batch being filled. */
    public int fillingSize() {
        return filling.size();
    }

    /** Whether both the batch being filled and the flushed batch are empty (an idle window). */
    public boolean isEmpty() {
        return filling.isEmpty() && flushed.isEmpty();
    }

    /** Expires the flushed batch at {@code at}, reports the filled one current, then flushes at {@code at}. */
    public void close(long at, WindowCollector out) {
        for (Event old : flushed) {
            out.expired(old, at);
        }
        for (Event e : filling) {
            out.current(e);
        }
        out.flush(at);
        // reuse the two buffers instead of allocating one per batch
        ArrayDeque<Event> spare = flushed;
        spare.clear();
        flushed = filling;
        filling = spare;
    }

    /**
     * Closes every batch of a time grid that ends at or before {@code time}, starting with the one that
     * ends at {@code batchEnd}; boundaries where there is nothing to report are skipped (same grid).
     *
     * @return the end of the batch now being filled
     */
    public long closeUpTo(long batchEnd, long time, long duration, WindowCollector out) {
        long end = batchEnd;
        while (end <= time) {
            if (isEmpty()) {
                return boundaryAfter(end, time, duration);
            }
            close(end, out);
            end += duration;
        }
        return end;
    }

    /**
     * The last flushed batch, oldest first (the events a join sees); events of the batch being filled
     * are not in the window until it is flushed. A read-only view, valid until the next change.
     */
    public Collection<Event> contents() {
        return Collections.unmodifiableCollection(flushed);
    }

    /** The batch being filled, as {@link EventArrays#encode} encodes it. */
    public Serializable encodedFilling() {
        return EventArrays.encode(filling);
    }

    /** The flushed batch, as {@link EventArrays#encode} encodes it. */
    public Serializable encodedFlushed() {
        return EventArrays.encode(flushed);
    }

    /** Replaces both batches (decoded snapshot parts). */
    public void restore(ArrayDeque<Event> filling, ArrayDeque<Event> flushed) {
        this.filling = filling;
        this.flushed = flushed;
    }
}
