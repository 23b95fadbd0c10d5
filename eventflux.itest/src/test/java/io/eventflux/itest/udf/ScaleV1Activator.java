package io.eventflux.itest.udf;

import io.eventflux.api.function.FunctionFactory;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Version 1 of the scale library bundle: times(x) = x * 10. */
public final class ScaleV1Activator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("eventflux.extension.type", "function");
        props.put("eventflux.extension.name", "scale");
        props.put("eventflux.extension.description", "times(x): x * 10 (version 1)");
        context.registerService(FunctionFactory.class, new ScaleLibrary(10), props);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
