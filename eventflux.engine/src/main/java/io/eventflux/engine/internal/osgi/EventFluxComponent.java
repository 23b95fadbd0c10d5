package io.eventflux.engine.internal.osgi;

import io.eventflux.api.AppInfo;
import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.management.EventFluxManagement;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.ExtensionRegistry;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link EventFlux} service: an {@link EventFluxRuntime} over the registry; undeploys its apps on
 * deactivate. It also registers the runtime's {@link EventFluxManagement} (by hand: the two interfaces have
 * methods of the same name with different results, so one object cannot implement both). Immediate, so
 * that the management service is there before anyone asked for the EventFlux service.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.eventflux.api.management.EventFluxManagement",
        uses = EventFluxManagement.class)
@Component(service = EventFlux.class, immediate = true)
public final class EventFluxComponent implements EventFlux {
    private final EventFluxRuntime runtime;
    private final ServiceRegistration<EventFluxManagement> management;

    @Activate
    public EventFluxComponent(@Reference(name = "registry") ExtensionRegistry registry, BundleContext context) {
        this.runtime = new EventFluxRuntime(registry);
        this.management = context.registerService(EventFluxManagement.class, runtime.management(), null);
    }

    @Deactivate
    void deactivate() {
        try {
            management.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        runtime.close();
    }

    @Override
    public AppRuntime deploy(String sql, DeployOptions options) throws CompileException {
        return runtime.deploy(sql, options);
    }

    @Override
    public AppRuntime deploy(String sql, DeployOptions options, java.util.function.Consumer<AppRuntime> beforeStart)
            throws CompileException {
        return runtime.deploy(sql, options, beforeStart);
    }

    @Override
    public List<StreamSchema> validate(String sql) throws CompileException {
        return runtime.validate(sql);
    }

    @Override
    public boolean undeploy(String name) {
        return runtime.undeploy(name);
    }

    @Override
    public List<AppInfo> apps() {
        return runtime.apps();
    }

    @Override
    public Optional<AppRuntime> app(String name) {
        return runtime.app(name);
    }

    @Override
    public List<ExtensionInfo> extensions() {
        return runtime.extensions();
    }
}
