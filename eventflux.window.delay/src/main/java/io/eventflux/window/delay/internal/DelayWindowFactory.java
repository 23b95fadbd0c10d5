package io.eventflux.window.delay.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('delay', d)}: releases each event d after its timestamp. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "delay",
        description = "Holds each event for d and then emits it as current, stamped with its release time.",
        parameters = "delay: INT|LONG, how long each event is held, as a duration (5 SECONDS) or in ms (positive)")
public final class DelayWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 1, "delay(delay)");
        long delay = spec.argument(0, "delay").positiveLong("window '" + spec.name() + "' parameter 'delay'");
        return new DelayWindowDefinition(delay);
    }
}
