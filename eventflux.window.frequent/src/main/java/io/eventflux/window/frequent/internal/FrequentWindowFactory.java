package io.eventflux.window.frequent.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import io.eventflux.extension.support.window.KeyExtractor;
import io.eventflux.extension.support.window.WindowArguments;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('frequent', n [, attr ...])}: the events of the n most frequent keys (Misra-Gries). */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "frequent",
        description = "Misra-Gries top n: keeps the last event of up to n frequent keys; emits arrivals whose "
                + "key is (or becomes) counted and expires the last event of a key that is evicted.",
        parameters = {"count: INT|LONG, how many keys are counted (positive)",
                "key: attributes of any type, optional; the key (all attributes when none)"})
public final class FrequentWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        if (spec.arguments().size() < 1) {
            throw new ExtensionException("window '" + spec.name() + "' takes at least 1 argument(s): "
                    + "frequent(count [, attribute ...]); got " + spec.arguments().size());
        }
        int count = WindowArguments.count(spec, 0, "count", "keys");
        return new FrequentWindowDefinition(count, KeyExtractor.fromArguments(spec, 1));
    }
}
