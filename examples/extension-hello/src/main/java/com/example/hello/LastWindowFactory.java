package com.example.hello;

import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('helloLast', n)}: the last n events (an example third-party window). */
@Component(service = WindowFactory.class)
@Extension(type = Extension.WINDOW, name = "helloLast", description = "The last n events (an example third-party window)",
        parameters = "n: INT|LONG, how many events are kept (positive)")
public final class LastWindowFactory implements WindowFactory {
    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 1, "helloLast(n)");
        long n = spec.argument(0, "n").positiveLong("n");
        if (n > Integer.MAX_VALUE) {
            throw new ExtensionException("window 'helloLast' keeps at most " + Integer.MAX_VALUE + " events, not " + n);
        }
        int size = (int) n;
        return new WindowDefinition() {
            @Override
            public boolean isBatch() {
                return false;
            }

            @Override
            public Window create(WindowContext context) {
                return new LastWindow(size);
            }
        };
    }
}
