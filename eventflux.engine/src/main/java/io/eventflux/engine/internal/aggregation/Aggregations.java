package io.eventflux.engine.internal.aggregation;

import io.eventflux.api.extension.Clock;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import io.eventflux.api.store.TableStoreFactory;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.sql.plan.AggregationDef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The incremental aggregations of one app, built at deploy time (a stored one loads its history). */
public final class Aggregations {
    private final Map<String, AggregationRuntime> byName = new LinkedHashMap<>();

    /**
     * @throws IllegalStateException when a named table store is not available
     * @throws IllegalArgumentException when a store rejects the options
     */
    public Aggregations(String app, List<AggregationDef> defs, ExtensionRegistry registry, Clock clock) {
        try {
            for (AggregationDef def : defs) {
                byName.put(def.name(), new AggregationRuntime(app, def, clock, store(app, def, registry)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static TableStore store(String app, AggregationDef def, ExtensionRegistry registry) {
        String name = AggregationOptions.store(def.options());
        if (name == null) {
            return null;
        }
        TableStoreFactory factory = registry.tableStore(name).orElseThrow(() -> new IllegalStateException(
                "aggregation " + def.name() + ": table store '" + name + "' is not available; available table stores: "
                        + registry.names(io.eventflux.api.extension.Extension.TABLE_STORE)));
        int width = 0;
        for (var call : def.aggregates()) {
            width += Incremental.of(call.name(), call.argument() == null ? null : call.argument().type()).width();
        }
        Map<String, String> options = new LinkedHashMap<>(AggregationOptions.storeOptions(def.options()));
        options.putIfAbsent("extension", name);
        return factory.create(new TableSpec(app, AggregationStore.schema(def.name(), width),
                AggregationStore.primaryKey(), List.of(), options));
    }

    /** The aggregation, or null. */
    public AggregationRuntime get(String name) {
        return byName.get(name);
    }

    public Collection<AggregationRuntime> all() {
        return byName.values();
    }

    public void close() {
        for (AggregationRuntime a : byName.values()) {
            try {
                a.close();
            } catch (RuntimeException e) {
                System.getLogger(Aggregations.class.getName()).log(System.Logger.Level.WARNING,
                        "closing aggregation " + a.name() + " failed", e);
            }
        }
    }
}
