package io.eventflux.window.timelength.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import io.eventflux.extension.support.window.WindowArguments;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('timeLength', d, n)}: a sliding window of the events of the last d, at most n of them. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "timeLength",
        description = "Sliding window of the events of the last d, at most n: an event expires d after its "
                + "timestamp, or earlier when the n+1-th arrives.",
        parameters = {"duration: INT|LONG, window length as a duration (5 SECONDS) or in ms (positive)",
                "size: INT|LONG, the most events kept (positive)"})
public final class TimeLengthWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(2, 2, "timeLength(duration, size)");
        String prefix = "window '" + spec.name() + "' parameter ";
        long duration = spec.argument(0, "duration").positiveLong(prefix + "'duration'");
        return new TimeLengthWindowDefinition(duration, WindowArguments.count(spec, 1, "size", "events"));
    }
}
