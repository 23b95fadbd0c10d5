package io.eventflux.window.expressionbatch.internal;

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

/** {@code WINDOW('expressionBatch', 'cond')}: batches that grow while the condition holds. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "expressionBatch",
        description = "Tumbling batches that grow while a condition over them holds, e.g. 'sum(volume) < 1000'; "
                + "the arrival that would break it flushes the batch and starts the next one.",
        parameters = "condition: STRING, a BOOL expression over aggregates (count(), sum(x), ...) of the batch's "
                + "events and first.attr / last.attr (its oldest / newest event)")
public final class ExpressionBatchWindowFactory implements WindowFactory {

    /** Conditions need the engine's compiler: the engine always calls {@link #define(WindowSpec, WindowConditions)}. */
    @Override
    public WindowDefinition define(WindowSpec spec) {
        throw new ExtensionException("window '" + spec.name() + "' needs the engine's condition compiler");
    }

    @Override
    public WindowDefinition define(WindowSpec spec, WindowConditions conditions) {
        spec.expectArguments(1, 1, "expressionBatch('condition')");
        Argument arg = spec.argument(0, "condition");
        String text = arg.stringValue("window '" + spec.name() + "' parameter 'condition'");
        return new ExpressionBatchWindowDefinition(conditions.compile(text));
    }
}
