package io.eventflux.api.function;

import io.eventflux.api.extension.ExtensionException;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A library of functions. Register it as a DS service with {@code @Extension(type = "function",
 * name = "<library>")}.
 */
@ConsumerType
public interface FunctionFactory {
    /** The function names this library defines (case-sensitive as written; lookups ignore case). */
    Set<String> names();

    /**
     * Validates a call of one of {@link #names()} at compile time.
     *
     * @throws ExtensionException naming the function and the bad argument (count or type)
     */
    FunctionDefinition define(FunctionSpec spec);
}
