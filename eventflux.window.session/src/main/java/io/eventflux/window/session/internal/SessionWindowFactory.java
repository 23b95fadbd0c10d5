package io.eventflux.window.session.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import org.osgi.service.component.annotations.Component;

/** {@code WINDOW('session', gap [, keyAttr] [, allowedLatency])}: per-key sessions closed by silence. */
@Component(service = WindowFactory.class)
// Also listed in META-INF/services for plain Java. Inside OSGi the DS component is the one that counts;
// SPI Fly is optional for this bundle (and the service it may add has no eventflux.extension.* properties).
@ServiceProvider(value = WindowFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.WINDOW, name = "session",
        description = "Per-key sessions: events less than gap apart form one session, emitted as a batch "
                + "when gap (plus the allowed latency) passes without another event of that key.",
        parameters = {"gap: INT|LONG, silence that ends a session, as a duration (30 SECONDS) or in ms (positive)",
                "key: attribute of any type, optional; one session per value (one session in all when absent)",
                "allowedLatency: INT|LONG, optional; how long a session stays open after its gap for late "
                        + "events (0 to gap, default 0)"})
public final class SessionWindowFactory implements WindowFactory {
    private static final String USAGE = "(gap [, key] [, allowedLatency])";

    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 3, spec.name() + USAGE);
        String prefix = "window '" + spec.name() + "' parameter ";
        long gap = spec.argument(0, "gap").positiveLong(prefix + "'gap'");
        int keyIndex = -1;
        Argument latencyArg = null;
        int n = spec.arguments().size();
        if (n >= 2) {
            Argument second = spec.argument(1, "key");
            if (second.isAttribute()) {
                keyIndex = second.attributeIndex();
            } else if (n == 2 && second.isConstant()
                    && (second.type() == AttributeType.INT || second.type() == AttributeType.LONG)) {
                latencyArg = second; // session(gap, allowedLatency), as Siddhi accepts
            } else {
                throw new ExtensionException(prefix + "'key' must be an attribute, was " + second.describe());
            }
        }
        if (n == 3) {
            latencyArg = spec.argument(2, "allowedLatency");
        }
        long latency = 0;
        if (latencyArg != null) {
            latency = latencyArg.longValue(prefix + "'allowedLatency'");
            if (latency < 0 || latency > gap) {
                throw new ExtensionException(prefix + "'allowedLatency' must be between 0 and the gap (" + gap
                        + " ms), was " + latency);
            }
        }
        return new SessionWindowDefinition(gap, keyIndex, latency);
    }
}
