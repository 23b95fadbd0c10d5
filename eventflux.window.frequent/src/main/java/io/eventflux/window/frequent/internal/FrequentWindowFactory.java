package io.eventflux.window.frequent.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
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
        String prefix = "window '" + spec.name() + "' parameter ";
        Argument countArg = spec.argument(0, "count");
        if (countArg.isDuration()) {
            throw new ExtensionException(prefix + "'count' is a number of keys, not a duration, was "
                    + countArg.describe());
        }
        long count = countArg.positiveLong(prefix + "'count'");
        if (count > Integer.MAX_VALUE) {
            throw new ExtensionException(prefix + "'count' must be at most " + Integer.MAX_VALUE + ", was " + count);
        }
        int[] keyIndexes;
        if (spec.arguments().size() == 1) {
            keyIndexes = new int[spec.input().size()];
            for (int i = 0; i < keyIndexes.length; i++) {
                keyIndexes[i] = i;
            }
        } else {
            keyIndexes = new int[spec.arguments().size() - 1];
            for (int i = 1; i < spec.arguments().size(); i++) {
                Argument arg = spec.arguments().get(i);
                if (!arg.isAttribute()) {
                    throw new ExtensionException(prefix + (i + 1) + " must be a key attribute, was " + arg.describe());
                }
                keyIndexes[i - 1] = arg.attributeIndex();
            }
        }
        return new FrequentWindowDefinition((int) count, new KeyExtractor(keyIndexes));
    }
}
