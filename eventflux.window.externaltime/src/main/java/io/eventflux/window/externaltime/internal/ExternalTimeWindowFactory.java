package io.eventflux.window.externaltime.internal;

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

/** {@code WINDOW('externalTime', tsAttr, d)}: a sliding window of the last d on an attribute's time. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "externalTime",
        description = "Sliding window of the last d on the time an attribute carries; events expire as "
                + "arrivals move that time on (no timers).",
        parameters = {"timestamp: LONG attribute, the event's time in epoch ms",
                "duration: INT|LONG, window length as a duration (5 SECONDS) or in ms (positive)"})
public final class ExternalTimeWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(2, 2, "externalTime(timestamp, duration)");
        String prefix = "window '" + spec.name() + "' parameter ";
        Argument ts = spec.argument(0, "timestamp");
        if (!ts.isAttribute() || ts.type() != AttributeType.LONG) {
            throw new ExtensionException(prefix + "'timestamp' must be a LONG attribute, was " + ts.describe());
        }
        long duration = spec.argument(1, "duration").positiveLong(prefix + "'duration'");
        return new ExternalTimeWindowDefinition(ts.attributeIndex(), duration);
    }
}
