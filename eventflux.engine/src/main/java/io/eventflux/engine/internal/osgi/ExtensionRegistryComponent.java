package io.eventflux.engine.internal.osgi;

import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.SinkFactory;
import io.eventflux.api.io.SourceFactory;
import io.eventflux.api.store.PersistenceStoreFactory;
import io.eventflux.api.store.TableStoreFactory;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.engine.ExtensionRegistry;
import java.util.HashMap;
import java.util.Map;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The extension whiteboard: tracks every factory service named by {@code eventflux.extension.name}
 * (dynamic, multiple, greedy references) and keeps an {@link ExtensionRegistry} up to date, which it
 * registers as a service. ServiceLoader providers that SPI Fly registers without that property are
 * ignored by the target filter. The registry is registered by hand (not as the component's service) so
 * that it can stay a final class shared with the plain-library path.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.eventflux.engine.ExtensionRegistry",
        uses = ExtensionRegistry.class)
@Component(immediate = true, service = {}, reference = {
        @Reference(name = "window", service = WindowFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
                policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                target = ExtensionRegistryComponent.NAMED, bind = "add", unbind = "remove"),
        @Reference(name = "aggregator", service = AggregatorFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
                policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                target = ExtensionRegistryComponent.NAMED, bind = "add", unbind = "remove"),
        @Reference(name = "function", service = FunctionFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
                policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                target = ExtensionRegistryComponent.NAMED, bind = "add", unbind = "remove"),
        @Reference(name = "source", service = SourceFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
                policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                target = ExtensionRegistryComponent.NAMED, bind = "add", unbind = "remove"),
        @Reference(name = "sink", service = SinkFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
                policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                target = ExtensionRegistryComponent.NAMED, bind = "add", unbind = "remove"),
        @Reference(name = "mapper", service = MapperFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
                policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                target = ExtensionRegistryComponent.NAMED, bind = "add", unbind = "remove"),
        @Reference(name = "tableStore", service = TableStoreFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
                policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                target = ExtensionRegistryComponent.NAMED, bind = "add", unbind = "remove"),
        @Reference(name = "persistenceStore", service = PersistenceStoreFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
                policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
                target = ExtensionRegistryComponent.NAMED, bind = "add", unbind = "remove")
})
public final class ExtensionRegistryComponent {
    static final String NAMED = "(" + ExtensionRegistry.NAME + "=*)";

    private final ExtensionRegistry registry = new ExtensionRegistry();
    private ServiceRegistration<ExtensionRegistry> registration;

    @Activate
    void activate(BundleContext context) {
        registration = context.registerService(ExtensionRegistry.class, registry, null);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    /** Bind method of every factory reference: the type comes from {@code eventflux.extension.type}. */
    void add(ServiceReference<?> ref, Object factory) {
        Map<String, Object> props = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            props.put(key, ref.getProperty(key));
        }
        if (ref.getBundle() != null) {
            props.putIfAbsent(ExtensionRegistry.PROVIDER, ref.getBundle().getSymbolicName());
        }
        registry.add(factory, props);
    }

    /** Unbind method of every factory reference. */
    void remove(Object factory) {
        registry.remove(factory);
    }
}
