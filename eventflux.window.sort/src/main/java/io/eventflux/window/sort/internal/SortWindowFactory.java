package io.eventflux.window.sort.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import io.eventflux.extension.support.window.WindowArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('sort', n, attr [, 'asc'|'desc'] [, attr2 [, 'asc'|'desc']] ...)}: the first n in sort order. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "sort",
        description = "Keeps the n events that come first in sort order; when one more arrives, the event "
                + "that sorts last is pushed out and expires.",
        parameters = {"size: INT|LONG, number of events kept (positive)",
                "attribute: STRING|INT|LONG|FLOAT|DOUBLE|BOOL attribute to sort by, one or more",
                "order: STRING, optional after each attribute: 'asc' (default) or 'desc'"})
public final class SortWindowFactory implements WindowFactory {

    @Override
    public WindowDefinition define(WindowSpec spec) {
        if (spec.arguments().size() < 2) {
            throw new ExtensionException("window '" + spec.name() + "' takes at least 2 argument(s): "
                    + "sort(size, attribute [, 'asc'|'desc'] [, attribute ...]); got " + spec.arguments().size());
        }
        String prefix = "window '" + spec.name() + "' parameter ";
        int size = WindowArguments.count(spec, 0, "size", "events");
        List<SortKey> keys = new ArrayList<>();
        List<Argument> args = spec.arguments();
        for (int i = 1; i < args.size(); i++) {
            Argument arg = args.get(i);
            if (arg.isConstant() && arg.value() instanceof String order) {
                if (keys.isEmpty() || i > 1 && args.get(i - 1).isConstant()) {
                    throw new ExtensionException(prefix + (i + 1) + " (" + arg.describe()
                            + ") is a sort order but does not follow an attribute");
                }
                keys.set(keys.size() - 1, keys.get(keys.size() - 1).withDescending(descending(prefix, i, order)));
                continue;
            }
            if (!arg.isAttribute()) {
                throw new ExtensionException(prefix + (i + 1) + " must be an attribute to sort by or 'asc'/'desc', was "
                        + arg.describe());
            }
            if (arg.type() == AttributeType.OBJECT) {
                throw new ExtensionException(prefix + (i + 1) + " cannot sort by " + arg.describe()
                        + ": values of type OBJECT are not comparable");
            }
            keys.add(new SortKey(arg.attributeIndex(), false));
        }
        return new SortWindowDefinition(size, List.copyOf(keys));
    }

    private static boolean descending(String prefix, int i, String order) {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new ExtensionException(prefix + (i + 1) + " must be 'asc' or 'desc', was '" + order + "'");
        };
    }
}
