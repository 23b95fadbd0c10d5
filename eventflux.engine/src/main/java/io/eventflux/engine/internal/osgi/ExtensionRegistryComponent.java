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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
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
    private final Map<ServiceReference<?>, LazyService> services = new ConcurrentHashMap<>();
    private volatile BundleContext context;
    private ServiceRegistration<ExtensionRegistry> registration;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        registration = context.registerService(ExtensionRegistry.class, registry, null);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        services.values().forEach(LazyService::release);
        services.clear();
    }

    /**
     * Bind method of every factory reference. It takes the reference, not the service: the registry lists
     * and finds a factory by its service properties and gets the service on the first lookup, so start-up
     * activates none of the ~70 factory components (what was got is ungot when the reference goes). The type comes from {@code eventflux.extension.type}, else from the
     * first factory interface the service is registered under.
     */
    void add(ServiceReference<?> ref) {
        Map<String, Object> props = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            props.put(key, ref.getProperty(key));
        }
        if (ref.getBundle() != null) {
            props.putIfAbsent(ExtensionRegistry.PROVIDER, ref.getBundle().getSymbolicName());
        }
        LazyService service = services.computeIfAbsent(ref, LazyService::new);
        registry.addLazily(typeOf(ref), ref, service::get, props);
    }

    /** Unbind method of every factory reference. */
    void remove(ServiceReference<?> ref) {
        registry.remove(ref);
        LazyService service = services.remove(ref);
        if (service != null) {
            service.release();
        }
    }

    /** One factory service, got from the framework on first use and ungot when it goes. */
    private final class LazyService {
        private final ServiceReference<?> ref;
        private Object service;
        private boolean got;
        private boolean released;

        LazyService(ServiceReference<?> ref) {
            this.ref = ref;
        }

        synchronized Object get() {
            BundleContext ctx = context;
            if (!got && !released && ctx != null) {
                got = true;
                service = ctx.getService(ref);
            }
            return service;
        }

        synchronized void release() {
            released = true;
            BundleContext ctx = context;
            if (got && ctx != null) {
                try {
                    ctx.ungetService(ref);
                } catch (IllegalStateException e) {
                    // this bundle's context is no longer valid: the framework ungets for it
                }
            }
            got = false;
            service = null;
        }
    }

    private static String typeOf(ServiceReference<?> ref) {
        Object type = ref.getProperty(ExtensionRegistry.TYPE);
        if (type instanceof String t) {
            return t;
        }
        if (type instanceof String[] a && a.length > 0) {
            return a[0];
        }
        if (type instanceof Collection<?> c && !c.isEmpty()) {
            return String.valueOf(c.iterator().next());
        }
        if (type != null && !(type instanceof String[]) && !(type instanceof Collection<?>)) {
            return String.valueOf(type);
        }
        Object classes = ref.getProperty(Constants.OBJECTCLASS);
        List<String> names = classes instanceof String[] a ? List.of(a) : List.of();
        for (Map.Entry<String, Class<?>> e : ExtensionRegistry.factoryTypes().entrySet()) {
            if (names.contains(e.getValue().getName())) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("service " + ref + " is registered under no extension factory interface");
    }
}
