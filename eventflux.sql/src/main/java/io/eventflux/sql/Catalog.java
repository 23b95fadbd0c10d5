package io.eventflux.sql;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.window.WindowConditions;
import io.eventflux.api.window.WindowFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The extensions a compilation may use. The engine implements it over its extension registry.
 * Lookups ignore case; the name sets are for "did you mean" suggestions.
 */
@ConsumerType
public interface Catalog {
    Optional<WindowFactory> window(String name);

    Set<String> windowNames();

    Optional<AggregatorFactory> aggregator(String name);

    Set<String> aggregatorNames();

    /** Function libraries by library name ({@code core}, {@code math}, ...). */
    Map<String, FunctionFactory> functionLibraries();

    /**
     * What compiles the conditions of windows over {@code input} ({@code WINDOW('expression', 'cond')});
     * the engine implements it with {@link io.eventflux.sql.SqlCompiler#compileCondition} and its
     * executors. Empty (the default) when the catalog's user cannot run conditions: windows that need one
     * then fail to compile with a clear error.
     *
     * @since 1.1
     */
    default Optional<WindowConditions> windowConditions(StreamSchema input) {
        return Optional.empty();
    }

    /**
     * The {@link io.eventflux.api.extension.Extension#parameters()} entries of the window, aggregator or
     * function library {@code name} ({@code type} one of {@code Extension.WINDOW}, {@code AGGREGATOR},
     * {@code FUNCTION}), for error messages that show what a call takes. Empty (the default) when unknown.
     *
     * @since 1.2
     */
    default List<String> parameters(String type, String name) {
        return List.of();
    }
}
