package io.eventflux.sql.internal.analysis;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import io.eventflux.api.window.WindowConditions;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import io.eventflux.sql.Catalog;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.Suggestions;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Looks extensions up in the {@link Catalog} and lets their factories validate each call. */
final class ExtensionResolver {
    /** A function found in a library: the library's name, the canonical function name, the factory. */
    record ResolvedFunction(String library, String name, FunctionFactory factory) {
    }

    /** For a catalog that cannot run window conditions. */
    private static final WindowConditions NO_CONDITIONS = expression -> {
        throw new ExtensionException("window conditions ('" + expression + "') cannot be compiled here: "
                + "the catalog provides no condition compiler");
    };

    private final Catalog catalog;

    ExtensionResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    WindowDefinition window(String type, List<Argument> arguments, StreamSchema input, SourcePosition pos) {
        WindowFactory factory = catalog.window(type).orElseThrow(() -> new CompileProblem(pos,
                "unknown window '" + type + "'", type, Suggestions.hintWithAvailable(type, catalog.windowNames())));
        try {
            return factory.define(new WindowSpec(type, arguments, input),
                    catalog.windowConditions(input).orElse(NO_CONDITIONS));
        } catch (ExtensionException e) {
            throw new CompileProblem(pos, describe("window", type, e), type,
                    Signatures.expected(Signatures.ofParameters(type, catalog.parameters(Extension.WINDOW, type))));
        }
    }

    boolean isAggregator(String name) {
        return catalog.aggregator(name).isPresent();
    }

    AggregatorDefinition aggregator(String name, List<Argument> arguments, boolean distinct, SourcePosition pos) {
        AggregatorFactory factory = catalog.aggregator(name).orElseThrow(() -> new CompileProblem(pos,
                "unknown aggregator '" + name + "'", name, Suggestions.hintWithAvailable(name,
                        catalog.aggregatorNames())));
        try {
            return factory.define(new AggregatorSpec(name, arguments, distinct));
        } catch (ExtensionException e) {
            throw new CompileProblem(pos, describe("aggregator", name, e), name, Signatures.expected(
                    Signatures.ofParameters(name, catalog.parameters(Extension.AGGREGATOR, name))));
        }
    }

    /**
     * Finds a function: in the named library, or (library null) in all of them, libraries in name order.
     * An unknown name is reported as an unknown aggregator when an aggregator name is the nearest match.
     */
    ResolvedFunction function(String library, String name, SourcePosition pos) {
        Map<String, FunctionFactory> libraries = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        libraries.putAll(catalog.functionLibraries());
        if (library != null) {
            FunctionFactory factory = libraries.get(library);
            if (factory == null) {
                throw new CompileProblem(pos, "unknown function library '" + library + "'", library,
                        Suggestions.hint(library, libraries.keySet()));
            }
            String canonical = find(factory, name)
                    .orElseThrow(() -> new CompileProblem(pos, "unknown function '" + library + ":" + name + "'",
                            name, Suggestions.hintWithAvailable(name, factory.names())));
            return new ResolvedFunction(canonicalLibrary(library), canonical, factory);
        }
        List<String> all = new ArrayList<>();
        for (Map.Entry<String, FunctionFactory> lib : libraries.entrySet()) {
            Optional<String> canonical = find(lib.getValue(), name);
            if (canonical.isPresent()) {
                return new ResolvedFunction(lib.getKey(), canonical.get(), lib.getValue());
            }
            all.addAll(lib.getValue().names());
        }
        String nearestFunction = Suggestions.nearest(name, all);
        String nearestAggregator = Suggestions.nearest(name, catalog.aggregatorNames());
        if (nearestFunction == null && nearestAggregator != null) {
            throw new CompileProblem(pos, "unknown aggregator '" + name + "'", name,
                    Suggestions.hintWithAvailable(name, catalog.aggregatorNames()));
        }
        List<String> candidates = new ArrayList<>(all);
        candidates.addAll(catalog.aggregatorNames());
        String hint = Suggestions.hint(name, candidates);
        String nearest = Suggestions.nearest(name, candidates);
        if (nearest != null && nearest.equals(nearestFunction)) {
            String signature = librarySignature(libraries, nearest);
            hint = signature == null ? hint : hint + " " + signature;
        }
        throw new CompileProblem(pos, "unknown function '" + name + "'", name, hint);
    }

    /** The signatures of a function, found in the library that has it, as {@code library:name(...)}; or null. */
    private String librarySignature(Map<String, FunctionFactory> libraries, String function) {
        for (Map.Entry<String, FunctionFactory> lib : libraries.entrySet()) {
            if (find(lib.getValue(), function).isPresent()) {
                return Signatures.ofFunction(function, catalog.parameters(Extension.FUNCTION, lib.getKey()));
            }
        }
        return null;
    }

    FunctionDefinition define(ResolvedFunction function, List<Argument> arguments, SourcePosition pos) {
        try {
            return function.factory().define(new FunctionSpec(function.name(), arguments));
        } catch (ExtensionException e) {
            throw new CompileProblem(pos, describe("function", function.name(), e), function.name(),
                    Signatures.expected(Signatures.ofFunction(function.name(),
                            catalog.parameters(Extension.FUNCTION, function.library()))));
        }
    }

    /** An argument as extensions see it: a constant, a plain attribute of the input, or an expression. */
    static Argument argument(TypedExpr e, boolean duration) {
        if (e instanceof TypedExpr.Literal l) {
            return Argument.constant(l.type(), l.value(), duration);
        }
        if (e instanceof TypedExpr.AttributeRef a) {
            return Argument.attribute(a.name(), a.index(), a.type());
        }
        return Argument.expression(e.type());
    }

    private String canonicalLibrary(String library) {
        for (String name : catalog.functionLibraries().keySet()) {
            if (name.equalsIgnoreCase(library)) {
                return name;
            }
        }
        return library;
    }

    private static Optional<String> find(FunctionFactory factory, String name) {
        return factory.names().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
    }

    /** The extension's own message, prefixed with what failed unless the message already names it. */
    private static String describe(String kind, String name, ExtensionException e) {
        String message = String.valueOf(e.getMessage());
        return message.toLowerCase(java.util.Locale.ROOT).contains("'" + name.toLowerCase(java.util.Locale.ROOT) + "'")
                ? message : kind + " '" + name + "': " + message;
    }
}
