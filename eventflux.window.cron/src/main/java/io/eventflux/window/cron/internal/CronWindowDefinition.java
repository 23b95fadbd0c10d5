package io.eventflux.window.cron.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.support.window.ScheduledBatchWindow;

/**
 * A validated cron window: batches that end at the times the cron expression matches. An event belongs
 * to the batch that ends at the first match after its timestamp (an event exactly at a match opens the
 * next batch). At each end B the previous batch is reported expired (stamped B), the batch that just
 * ended as current, then {@code flush(B)}. As in the timeBatch window, a boundary with nothing to report
 * flushes nothing and an idle window keeps no timer: the next arrival finds its batch end again
 * ({@link ScheduledBatchWindow}).
 *
 * @param expression the cron expression as written
 * @param times its schedule
 */
record CronWindowDefinition(String expression, CronTimes times)
        implements WindowDefinition, ScheduledBatchWindow.Schedule {

    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public Window create(WindowContext context) {
        return new ScheduledBatchWindow(this, context.scheduler(), "cron");
    }

    @Override
    public long firstEnd(long time) {
        return times.nextAfter(time);
    }

    /** The next match after {@code time}; {@link Long#MAX_VALUE} when the expression never matches again. */
    @Override
    public long nextEnd(long end, long time) {
        return times.nextAfter(time);
    }
}
