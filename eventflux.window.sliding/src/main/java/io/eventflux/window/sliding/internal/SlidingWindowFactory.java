package io.eventflux.window.sliding.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('sliding', size, slide)}, also {@code WINDOW('hopping', ...)}: hopping time windows. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "sliding", aliases = "hopping",
        description = "Windows of size ending at every multiple of slide since the epoch, each emitted as a "
                + "batch when it ends; with size > slide an event is in several windows.",
        parameters = {"size: INT|LONG, window length as a duration (1 MINUTE) or in ms (positive)",
                "slide: INT|LONG, distance between window ends as a duration or in ms (positive, at most size)"})
public final class SlidingWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(2, 2, spec.name() + "(size, slide)");
        String prefix = "window '" + spec.name() + "' parameter ";
        long size = spec.argument(0, "size").positiveLong(prefix + "'size'");
        long slide = spec.argument(1, "slide").positiveLong(prefix + "'slide'");
        if (slide > size) {
            // windows would leave gaps: events between them would never be reported
            throw new ExtensionException(prefix + "'slide' must be at most 'size' (" + size + " ms), was " + slide
                    + " ms");
        }
        return new SlidingWindowDefinition(size, slide);
    }
}
