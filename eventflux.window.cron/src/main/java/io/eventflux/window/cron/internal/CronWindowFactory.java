package io.eventflux.window.cron.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('cron', '0 * * * * *')}: batches flushed at every time a cron expression matches. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts.
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "cron",
        description = "Batches flushed at every time a 6-field cron expression (seconds first, UTC) matches.",
        parameters = {"expression: STRING, a cron expression: second minute hour day-of-month month day-of-week"})
public final class CronWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 1, spec.name() + "('second minute hour day-of-month month day-of-week')");
        String expression = spec.argument(0, "expression")
                .stringValue("window '" + spec.name() + "' parameter 'expression'").trim();
        int fields = expression.isEmpty() ? 0 : expression.split("\\s+").length;
        if (fields != 6) {
            throw new ExtensionException("window '" + spec.name() + "' parameter 'expression': '" + expression
                    + "' has " + fields + " field(s); a cron expression here has 6: second minute hour "
                    + "day-of-month month day-of-week");
        }
        try {
            return new CronWindowDefinition(expression, CronTimes.parse(expression));
        } catch (IllegalArgumentException e) {
            throw new ExtensionException("window '" + spec.name() + "' parameter 'expression': invalid cron expression '"
                    + expression + "': " + e.getMessage(), e);
        }
    }
}
