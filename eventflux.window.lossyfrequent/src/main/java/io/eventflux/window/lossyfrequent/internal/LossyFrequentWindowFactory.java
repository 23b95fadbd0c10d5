package io.eventflux.window.lossyfrequent.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import io.eventflux.extension.support.window.KeyExtractor;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('lossyFrequent', support [, error] [, attr ...])}: lossy counting (Manku-Motwani). */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "lossyFrequent",
        description = "Lossy counting: emits arrivals whose key has a frequency of at least support - error "
                + "and expires the last event of a key pruned as infrequent.",
        parameters = {"support: FLOAT|DOUBLE|INT|LONG, minimum frequency of a reported key, in (0, 1)",
                "error: FLOAT|DOUBLE|INT|LONG, optional; tolerated error, in (0, 1) and below support "
                        + "(default support / 10)",
                "key: attributes of any type, optional; the key (all attributes when none)"})
public final class LossyFrequentWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        if (spec.arguments().size() < 1) {
            throw new ExtensionException("window '" + spec.name() + "' takes at least 1 argument(s): "
                    + "lossyFrequent(support [, error] [, attribute ...]); got " + spec.arguments().size());
        }
        String prefix = "window '" + spec.name() + "' parameter ";
        double support = fraction(spec.argument(0, "support"), prefix + "'support'");
        List<Argument> args = spec.arguments();
        int firstKey = 1;
        double error = support / 10;
        if (args.size() > 1 && !args.get(1).isAttribute()) {
            error = fraction(args.get(1), prefix + "'error'");
            if (error >= support) {
                throw new ExtensionException(prefix + "'error' must be below support " + support + ", was " + error);
            }
            firstKey = 2;
        }
        return new LossyFrequentWindowDefinition(support, error, KeyExtractor.fromArguments(spec, firstKey));
    }

    private static double fraction(Argument arg, String what) {
        if (arg.isDuration()) {
            throw new ExtensionException(what + " is a fraction, not a duration, was " + arg.describe());
        }
        double v = arg.doubleValue(what);
        if (!(v > 0 && v < 1)) {
            throw new ExtensionException(what + " must be between 0 and 1 (exclusive), was " + v);
        }
        return v;
    }
}
