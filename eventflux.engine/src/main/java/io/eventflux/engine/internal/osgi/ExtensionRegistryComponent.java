package io.eventflux.engine.internal.osgi;

import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.extension.Extension;
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
@Component(immediate = true, service = {})
public final class ExtensionRegistryComponent {
    private static final String NAMED = "(" + ExtensionRegistry.NAME + "=*)";

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

    private void add(String type, ServiceReference<?> ref, Object factory) {
        Map<String, Object> props = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            props.put(key, ref.getProperty(key));
        }
        if (ref.getBundle() != null) {
            props.putIfAbsent(ExtensionRegistry.PROVIDER, ref.getBundle().getSymbolicName());
        }
        registry.add(type, factory, props);
    }

    @Reference(service = WindowFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = NAMED)
    void addWindow(ServiceReference<WindowFactory> ref, WindowFactory factory) {
        add(Extension.WINDOW, ref, factory);
    }

    void removeWindow(WindowFactory factory) {
        registry.remove(factory);
    }

    @Reference(service = AggregatorFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = NAMED)
    void addAggregator(ServiceReference<AggregatorFactory> ref, AggregatorFactory factory) {
        add(Extension.AGGREGATOR, ref, factory);
    }

    void removeAggregator(AggregatorFactory factory) {
        registry.remove(factory);
    }

    @Reference(service = FunctionFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = NAMED)
    void addFunction(ServiceReference<FunctionFactory> ref, FunctionFactory factory) {
        add(Extension.FUNCTION, ref, factory);
    }

    void removeFunction(FunctionFactory factory) {
        registry.remove(factory);
    }

    @Reference(service = SourceFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = NAMED)
    void addSource(ServiceReference<SourceFactory> ref, SourceFactory factory) {
        add(Extension.SOURCE, ref, factory);
    }

    void removeSource(SourceFactory factory) {
        registry.remove(factory);
    }

    @Reference(service = SinkFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = NAMED)
    void addSink(ServiceReference<SinkFactory> ref, SinkFactory factory) {
        add(Extension.SINK, ref, factory);
    }

    void removeSink(SinkFactory factory) {
        registry.remove(factory);
    }

    @Reference(service = MapperFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = NAMED)
    void addMapper(ServiceReference<MapperFactory> ref, MapperFactory factory) {
        add(Extension.MAPPER, ref, factory);
    }

    void removeMapper(MapperFactory factory) {
        registry.remove(factory);
    }

    @Reference(service = TableStoreFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = NAMED)
    void addTableStore(ServiceReference<TableStoreFactory> ref, TableStoreFactory factory) {
        add(Extension.TABLE_STORE, ref, factory);
    }

    void removeTableStore(TableStoreFactory factory) {
        registry.remove(factory);
    }

    @Reference(service = PersistenceStoreFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = NAMED)
    void addPersistenceStore(ServiceReference<PersistenceStoreFactory> ref, PersistenceStoreFactory factory) {
        add(Extension.PERSISTENCE_STORE, ref, factory);
    }

    void removePersistenceStore(PersistenceStoreFactory factory) {
        registry.remove(factory);
    }
}
