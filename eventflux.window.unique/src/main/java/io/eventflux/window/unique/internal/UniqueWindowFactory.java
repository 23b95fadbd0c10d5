package io.eventflux.window.unique.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('unique', attr)}: the latest event per value of an attribute. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "unique",
        description = "The latest event per key; when an event with the same key arrives, the one it "
                + "replaces expires.",
        parameters = "key: attribute of any type, the unique key")
public final class UniqueWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 1, "unique(key)");
        Argument arg = spec.argument(0, "key");
        if (!arg.isAttribute()) {
            throw new ExtensionException("window '" + spec.name() + "' parameter 'key' must be an attribute, was "
                    + arg.describe());
        }
        return new UniqueWindowDefinition(arg.attributeIndex());
    }
}
