package io.eventflux.window.cron.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/**
 * A validated cron window.
 *
 * @param expression the cron expression as written
 * @param times its schedule
 */
record CronWindowDefinition(String expression, CronTimes times) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public Window create(WindowContext context) {
        return new CronWindow(times, context.scheduler());
    }
}
