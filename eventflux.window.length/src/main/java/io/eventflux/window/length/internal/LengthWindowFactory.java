package io.eventflux.window.length.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import io.eventflux.extension.support.window.WindowArguments;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('length', n)}: a sliding window of the last n events. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "length",
        description = "Sliding window of the last n events; the oldest expires when the n+1-th arrives.",
        parameters = "size: INT|LONG, number of events kept (positive)")
public final class LengthWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 1, "length(size)");
        return new LengthWindowDefinition(WindowArguments.count(spec, 0, "size", "events"));
    }
}
