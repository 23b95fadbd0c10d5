package io.eventflux.extension.support.function;

import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionSpec;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The functions of one library. Names keep their spelling for {@code names()}; lookups ignore case
 * because the compiler passes names as written ({@code UPPER}, {@code upper}).
 */
public final class FunctionTable {
    /** Validates one call of a function and builds its definition. */
    @FunctionalInterface
    public interface Signature {
        FunctionDefinition define(FunctionCall call);
    }

    private final String library;
    private final Map<String, Signature> byName = new HashMap<>();
    private final Set<String> names = new LinkedHashSet<>();

    public FunctionTable(String library) {
        this.library = library;
    }

    /** Adds a function; only called while the owning factory is constructed. */
    public FunctionTable add(String name, Signature signature) {
        if (byName.putIfAbsent(name.toLowerCase(Locale.ROOT), signature) != null) {
            throw new IllegalArgumentException("duplicate function " + name);
        }
        names.add(name);
        return this;
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(names);
    }

    public FunctionDefinition define(FunctionSpec spec) {
        Signature signature = byName.get(spec.name().toLowerCase(Locale.ROOT));
        if (signature == null) {
            throw new ExtensionException("function library '" + library + "' has no function '" + spec.name() + "'");
        }
        return signature.define(new FunctionCall(spec));
    }
}
