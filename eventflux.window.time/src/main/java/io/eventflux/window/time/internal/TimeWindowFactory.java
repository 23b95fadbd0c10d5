package io.eventflux.window.time.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('time', d)}: a sliding window of the events of the last d milliseconds. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "time",
        description = "Sliding window of the events of the last d; each expires d after its timestamp.",
        parameters = "duration: INT|LONG, window length as a duration (5 SECONDS) or in ms (positive)")
public final class TimeWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 1, "time(duration)");
        long duration = spec.argument(0, "duration")
                .positiveLong("window '" + spec.name() + "' parameter 'duration'");
        return new TimeWindowDefinition(duration);
    }
}
