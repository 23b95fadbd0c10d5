package io.eventflux.window.lengthbatch.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('lengthBatch', n)}: tumbling batches of n events. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "lengthBatch",
        description = "Tumbling batches of n events, flushed when the n-th arrives; "
                + "an incomplete batch is not flushed.",
        parameters = "size: INT|LONG, number of events per batch (positive)")
public final class LengthBatchWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 1, "lengthBatch(size)");
        Argument arg = spec.argument(0, "size");
        String what = "window '" + spec.name() + "' parameter 'size'";
        if (arg.isDuration()) {
            throw new ExtensionException(what + " is a number of events, not a duration, was " + arg.describe());
        }
        long size = arg.positiveLong(what);
        if (size > Integer.MAX_VALUE) {
            throw new ExtensionException(what + " must be at most " + Integer.MAX_VALUE + ", was " + size);
        }
        return new LengthBatchWindowDefinition((int) size);
    }
}
