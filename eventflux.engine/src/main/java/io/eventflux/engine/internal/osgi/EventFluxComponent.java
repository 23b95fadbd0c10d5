package io.eventflux.engine.internal.osgi;

import io.eventflux.api.AppInfo;
import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.StreamSchema;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.ExtensionRegistry;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The {@link EventFlux} service: an {@link EventFluxRuntime} over the registry; undeploys its apps on deactivate. */
@Component(service = EventFlux.class)
public final class EventFluxComponent implements EventFlux {
    private final EventFluxRuntime runtime;

    @Activate
    public EventFluxComponent(@Reference(name = "registry") ExtensionRegistry registry) {
        this.runtime = new EventFluxRuntime(registry);
    }

    @Deactivate
    void deactivate() {
        runtime.close();
    }

    @Override
    public AppRuntime deploy(String sql, DeployOptions options) throws CompileException {
        return runtime.deploy(sql, options);
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
