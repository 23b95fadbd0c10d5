package io.eventflux.window.expression.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowConditions;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('expression', 'cond')}: a sliding window that keeps events while the condition holds. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "expression",
        description = "Sliding window that keeps events while a condition over them holds, e.g. 'count() <= 3', "
                + "'sum(volume) < 1000', 'last.ts - first.ts < 5000'; each arrival expires the oldest events "
                + "until it holds again.",
        parameters = "condition: STRING, a BOOL expression over aggregates (count(), sum(x), ...) of the held "
                + "events and first.attr / last.attr (the oldest / newest held event)")
public final class ExpressionWindowFactory implements WindowFactory {

    /** Conditions need the engine's compiler: the engine always calls {@link #define(WindowSpec, WindowConditions)}. */
    @Override
    public WindowDefinition define(WindowSpec spec) {
        throw new ExtensionException("window '" + spec.name() + "' needs the engine's condition compiler");
    }

    @Override
    public WindowDefinition define(WindowSpec spec, WindowConditions conditions) {
        spec.expectArguments(1, 1, "expression('condition')");
        Argument arg = spec.argument(0, "condition");
        String text = arg.stringValue("window '" + spec.name() + "' parameter 'condition'");
        return new ExpressionWindowDefinition(conditions.compile(text));
    }
}
