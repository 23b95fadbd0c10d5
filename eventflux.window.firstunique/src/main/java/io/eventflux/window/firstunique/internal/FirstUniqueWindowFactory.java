package io.eventflux.window.firstunique.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('firstUnique', attr)}: the first event per value of an attribute. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "firstUnique",
        description = "The first event per key; later events with a held key are dropped (no output).",
        parameters = "key: attribute of any type, the unique key")
public final class FirstUniqueWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 1, "firstUnique(key)");
        Argument arg = spec.argument(0, "key");
        if (!arg.isAttribute()) {
            throw new ExtensionException("window '" + spec.name() + "' parameter 'key' must be an attribute, was "
                    + arg.describe());
        }
        return new FirstUniqueWindowDefinition(arg.attributeIndex());
    }
}
