package io.eventflux.extension.support.window;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import java.io.Serializable;
import java.util.Collection;
import java.util.Objects;

/**
 * Tumbling batches that end at the boundaries of a {@link Schedule} (a time grid, a cron expression...).
 * An event belongs to the batch whose end is the first boundary after its timestamp, so an event exactly
 * at a boundary opens the next batch. At each boundary B the previous batch is reported expired (stamped
 * B), the batch that just ended as current, then {@code flush(B)}.
 *
 * <p>Empty batches: a boundary whose batch is empty still flushes when the previous batch has events to
 * expire (a flush with only expired events). When both are empty nothing is reported and no flush is
 * made, so an idle window never produces an empty aggregate row, and no timer is kept running while
 * idle: the next arrival finds its batch end on the same schedule. One timer at most is outstanding.
 */
public final class ScheduledBatchWindow implements Window {
    /** Where the batches of a window end. */
    public interface Schedule {
        /** The end of the first batch, for the first event at {@code time}. */
        long firstEnd(long time);

        /**
         * The first boundary after {@code time}, on the schedule that has a boundary at {@code end}
         * ({@code end <= time}); {@link Long#MAX_VALUE} when there is none.
         */
        long nextEnd(long end, long time);
    }

    private static final long NONE = Long.MIN_VALUE;

    private final Schedule schedule;
    private final Scheduler scheduler;
    private final String name;
    /** The batch that ends at {@code batchEnd} (not reported yet) and the last flushed batch. */
    private final TumblingBatches batches = new TumblingBatches();
    /** End of the current batch (the next boundary), or NONE before the first event. */
    private long batchEnd = NONE;
    /** The boundary a timer was asked for and has not fired yet, or NONE. */
    private long pendingTimer = NONE;

    /**
     * @param schedule where the batches end
     * @param scheduler this window instance's timers
     * @param name the window's name, for the message of a snapshot it cannot restore
     */
    public ScheduledBatchWindow(Schedule schedule, Scheduler scheduler, String name) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.name = name;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        long ts = event.timestamp();
        if (batchEnd == NONE) {
            batchEnd = schedule.firstEnd(ts);
        } else if (ts >= batchEnd) {
            // the engine fires due timers first; this only catches up if it did not
            closeBatchesUpTo(ts, out);
        }
        batches.add(event);
        ensureTimer();
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        if (time >= pendingTimer) {
            pendingTimer = NONE;
        }
        if (batchEnd != NONE && time >= batchEnd) {
            closeBatchesUpTo(time, out);
        }
        ensureTimer();
    }

    private void closeBatchesUpTo(long time, WindowCollector out) {
        while (batchEnd <= time) {
            if (batches.isEmpty()) {
                batchEnd = schedule.nextEnd(batchEnd, time); // skip idle boundaries
                return;
            }
            batches.close(batchEnd, out);
            batchEnd = schedule.nextEnd(batchEnd, batchEnd);
        }
    }

    private void ensureTimer() {
        if (batchEnd != NONE && batchEnd != Long.MAX_VALUE && pendingTimer != batchEnd
                && !batches.isEmpty()) {
            pendingTimer = batchEnd;
            scheduler.schedule(batchEnd);
        }
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
        return new Object[] {batchEnd, batches.encodedFilling(), batches.encodedFlushed()};
    }

    /** Puts the batches back and asks this instance's scheduler for the timer of the next boundary. */
    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 3 || !(parts[0] instanceof Long end)) {
            throw new IllegalArgumentException("not a " + name + " window snapshot: " + state);
        }
        batches.restore(EventArrays.decode(parts[1]), EventArrays.decode(parts[2]));
        batchEnd = end;
        pendingTimer = NONE;
        ensureTimer();
    }
}
