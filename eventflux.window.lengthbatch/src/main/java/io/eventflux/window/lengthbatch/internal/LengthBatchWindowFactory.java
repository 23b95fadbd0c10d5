package io.eventflux.window.lengthbatch.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import io.eventflux.extension.support.window.WindowArguments;
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
        return new LengthBatchWindowDefinition(WindowArguments.count(spec, 0, "size", "events"));
    }
}
