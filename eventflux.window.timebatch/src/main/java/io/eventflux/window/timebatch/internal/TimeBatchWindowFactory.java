package io.eventflux.window.timebatch.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('timeBatch', d [, startTime])}, also {@code WINDOW('tumbling', ...)}: tumbling time batches. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "timeBatch", aliases = "tumbling",
        description = "Tumbling batches of d, flushed at fixed boundaries: first event's time + k*d, "
                + "or startTime + k*d.",
        parameters = {"duration: INT|LONG, batch length as a duration (1 SECOND) or in ms (positive)",
                "startTime: INT|LONG, optional; epoch ms the boundaries align to (startTime + k*duration)"})
public final class TimeBatchWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 2, spec.name() + "(duration [, startTime])");
        String prefix = "window '" + spec.name() + "' parameter ";
        long duration = spec.argument(0, "duration").positiveLong(prefix + "'duration'");
        if (spec.arguments().size() == 1) {
            return new TimeBatchWindowDefinition(duration, false, 0L);
        }
        long startTime = spec.argument(1, "startTime").longValue(prefix + "'startTime'");
        return new TimeBatchWindowDefinition(duration, true, startTime);
    }
}
