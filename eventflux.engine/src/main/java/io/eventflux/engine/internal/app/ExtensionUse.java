package io.eventflux.engine.internal.app;

import io.eventflux.engine.ExtensionRegistry;
import java.util.Objects;

/**
 * One extension a run of an app was built with: the registry's factory object under a type and name.
 * The run is stale as soon as the registry answers that name with another object (removed, replaced by
 * an updated bundle).
 */
record ExtensionUse(String type, String name, Object factory) {
    ExtensionUse {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
    }

    /** Whether the registry still answers this name with the same factory. */
    boolean current(ExtensionRegistry registry) {
        return registry.find(type, name, Object.class).orElse(null) == factory;
    }
}
