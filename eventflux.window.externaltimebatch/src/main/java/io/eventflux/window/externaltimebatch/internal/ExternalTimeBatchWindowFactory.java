package io.eventflux.window.externaltimebatch.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('externalTimeBatch', tsAttr, d [, startTime [, timeout]])}: tumbling on an attribute's time. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "externalTimeBatch",
        description = "Tumbling batches of d on the time an attribute carries, flushed when an arrival's time "
                + "reaches the boundary; optionally also after a timeout without arrivals.",
        parameters = {"timestamp: LONG attribute, the event's time in epoch ms",
                "duration: INT|LONG, batch length as a duration (1 SECOND) or in ms (positive)",
                "startTime: INT|LONG, optional; boundaries are startTime + k*duration (default: the first "
                        + "event's time starts the first batch)",
                "timeout: INT|LONG, optional; flush the batch so far after this long without arrivals, "
                        + "on the app clock (positive)"})
public final class ExternalTimeBatchWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(2, 4, spec.name() + "(timestamp, duration [, startTime [, timeout]])");
        String prefix = "window '" + spec.name() + "' parameter ";
        Argument ts = spec.argument(0, "timestamp");
        if (!ts.isAttribute() || ts.type() != AttributeType.LONG) {
            throw new ExtensionException(prefix + "'timestamp' must be a LONG attribute, was " + ts.describe());
        }
        long duration = spec.argument(1, "duration").positiveLong(prefix + "'duration'");
        int n = spec.arguments().size();
        boolean aligned = n >= 3;
        long startTime = aligned ? spec.argument(2, "startTime").longValue(prefix + "'startTime'") : 0L;
        long timeout = n == 4 ? spec.argument(3, "timeout").positiveLong(prefix + "'timeout'") : 0L;
        return new ExternalTimeBatchWindowDefinition(ts.attributeIndex(), duration, aligned, startTime, timeout);
    }
}
