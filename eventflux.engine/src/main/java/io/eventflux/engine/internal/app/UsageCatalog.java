package io.eventflux.engine.internal.app;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import io.eventflux.api.window.WindowConditions;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.engine.internal.window.SqlWindowConditions;
import io.eventflux.sql.Catalog;
import io.eventflux.sql.SqlCompiler;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry as one compilation sees it, recording which windows, aggregators and function libraries the
 * app uses (so that the app can be suspended when one of them leaves). A function library counts as used
 * once one of its functions is defined, not when it was merely searched for a name.
 */
final class UsageCatalog implements Catalog {
    private final ExtensionRegistry registry;
    private final List<ExtensionUse> uses;

    /** @param uses where the uses are added (the compiling thread only) */
    UsageCatalog(ExtensionRegistry registry, List<ExtensionUse> uses) {
        this.registry = registry;
        this.uses = uses;
    }

    @Override
    public Optional<WindowFactory> window(String name) {
        Optional<WindowFactory> f = registry.window(name);
        f.ifPresent(x -> uses.add(new ExtensionUse(Extension.WINDOW, name, x)));
        return f;
    }

    @Override
    public Set<String> windowNames() {
        return registry.windowNames();
    }

    @Override
    public Optional<AggregatorFactory> aggregator(String name) {
        Optional<AggregatorFactory> f = registry.aggregator(name);
        f.ifPresent(x -> uses.add(new ExtensionUse(Extension.AGGREGATOR, name, x)));
        return f;
    }

    @Override
    public Set<String> aggregatorNames() {
        return registry.aggregatorNames();
    }

    @Override
    public Map<String, FunctionFactory> functionLibraries() {
        Map<String, FunctionFactory> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        registry.functionLibraries().forEach((name, f) -> out.put(name, new Recording(name, f)));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public List<String> parameters(String type, String name) {
        return registry.parameters(type, name);
    }

    /** Conditions compiled through this catalog too, so the aggregators they call are recorded. */
    @Override
    public Optional<WindowConditions> windowConditions(StreamSchema input) {
        return Optional.of(new SqlWindowConditions(new SqlCompiler(this), input));
    }

    /** A library that records its use when one of its functions is defined. */
    private final class Recording implements FunctionFactory {
        private final String library;
        private final FunctionFactory delegate;

        Recording(String library, FunctionFactory delegate) {
            this.library = library;
            this.delegate = delegate;
        }

        @Override
        public Set<String> names() {
            return delegate.names();
        }

        @Override
        public FunctionDefinition define(FunctionSpec spec) {
            uses.add(new ExtensionUse(Extension.FUNCTION, library, delegate));
            return delegate.define(spec);
        }
    }
}
