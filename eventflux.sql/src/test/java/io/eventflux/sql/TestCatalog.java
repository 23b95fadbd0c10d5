package io.eventflux.sql;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** A small catalog of test extensions: enough windows, aggregators and functions to exercise the compiler. */
final class TestCatalog implements Catalog {
    private final Map<String, WindowFactory> windows = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, AggregatorFactory> aggregators = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, FunctionFactory> libraries = new TreeMap<>();

    TestCatalog() {
        windows.put("length", window(false, "size"));
        windows.put("lengthBatch", window(true, "size"));
        windows.put("time", window(false, "duration"));
        windows.put("timeBatch", window(true, "duration"));
        windows.put("tumbling", window(true, "duration"));
        aggregators.put("count", aggregator(args -> AttributeType.LONG, 0));
        aggregators.put("distinctCount", aggregator(args -> AttributeType.LONG, 1));
        aggregators.put("sum", aggregator(args -> numeric(args).ordinal() <= AttributeType.LONG.ordinal()
                ? AttributeType.LONG : AttributeType.DOUBLE, 1));
        aggregators.put("avg", aggregator(args -> {
            numeric(args);
            return AttributeType.DOUBLE;
        }, 1));
        aggregators.put("min", aggregator(args -> args.get(0).type(), 1));
        aggregators.put("max", aggregator(args -> args.get(0).type(), 1));
        aggregators.put("last", aggregator(args -> args.get(0).type(), 1));
        libraries.put("math", library(Map.of("abs", args -> numeric(args), "round", args -> numeric(args))));
        libraries.put("string", library(Map.of("upper", args -> AttributeType.STRING,
                "concat", args -> AttributeType.STRING, "length", args -> AttributeType.INT)));
        libraries.put("core", library(Map.of("coalesce", args -> args.get(0).type(),
                "uuid", args -> AttributeType.STRING)));
    }

    /** The last specs the compiler passed to factories, for tests to inspect. */
    io.eventflux.api.window.WindowSpec lastWindow;
    io.eventflux.api.aggregator.AggregatorSpec lastAggregator;
    io.eventflux.api.function.FunctionSpec lastFunction;

    private static AttributeType numeric(List<Argument> args) {
        if (args.isEmpty() || !args.get(0).type().isNumeric()) {
            throw new ExtensionException("needs a numeric argument, got " + (args.isEmpty() ? "none" : args.get(0)));
        }
        return args.get(0).type();
    }

    private WindowFactory window(boolean batch, String parameter) {
        return spec -> {
            lastWindow = spec;
            spec.expectArguments(1, 2, parameter);
            spec.argument(0, parameter).positiveLong("window '" + spec.name() + "' parameter '" + parameter + "'");
            return new WindowDefinition() {
                @Override
                public boolean isBatch() {
                    return batch;
                }

                @Override
                public io.eventflux.api.window.Window create(io.eventflux.api.window.WindowContext context) {
                    throw new UnsupportedOperationException("plan-time only");
                }
            };
        };
    }

    private AggregatorFactory aggregator(Function<List<Argument>, AttributeType> type, int arity) {
        return spec -> {
            lastAggregator = spec;
            if (spec.arguments().size() != arity) {
                throw new ExtensionException("'" + spec.name() + "' takes " + arity + " argument(s), got "
                        + spec.arguments().size());
            }
            AttributeType result = type.apply(spec.arguments());
            return new AggregatorDefinition() {
                @Override
                public AttributeType returnType() {
                    return result;
                }

                @Override
                public Aggregator create() {
                    throw new UnsupportedOperationException("plan-time only");
                }
            };
        };
    }

    private FunctionFactory library(Map<String, Function<List<Argument>, AttributeType>> functions) {
        return new FunctionFactory() {
            @Override
            public Set<String> names() {
                return functions.keySet();
            }

            @Override
            public FunctionDefinition define(io.eventflux.api.function.FunctionSpec spec) {
                lastFunction = spec;
                AttributeType result = functions.get(spec.name().toLowerCase(Locale.ROOT)).apply(spec.arguments());
                return new FunctionDefinition() {
                    @Override
                    public AttributeType returnType() {
                        return result;
                    }

                    @Override
                    public io.eventflux.api.function.Function create(io.eventflux.api.function.FunctionContext c) {
                        return a -> null;
                    }
                };
            }
        };
    }

    @Override
    public Optional<WindowFactory> window(String name) {
        return Optional.ofNullable(windows.get(name));
    }

    @Override
    public Set<String> windowNames() {
        return Set.copyOf(windows.keySet());
    }

    @Override
    public Optional<AggregatorFactory> aggregator(String name) {
        return Optional.ofNullable(aggregators.get(name));
    }

    @Override
    public Set<String> aggregatorNames() {
        return Set.copyOf(aggregators.keySet());
    }

    @Override
    public Map<String, FunctionFactory> functionLibraries() {
        return Map.copyOf(libraries);
    }

    /** The real extensions' parameter metadata, for the names this catalog shares with them. */
    @Override
    public List<String> parameters(String type, String name) {
        Class<?> provider = switch (type + ":" + name.toLowerCase(Locale.ROOT)) {
            case "window:length" -> io.eventflux.window.length.internal.LengthWindowFactory.class;
            case "window:timebatch", "window:tumbling" -> io.eventflux.window.timebatch.internal.TimeBatchWindowFactory.class;
            case "aggregator:count" -> io.eventflux.aggregator.count.internal.CountAggregatorFactory.class;
            case "aggregator:sum" -> io.eventflux.aggregator.sum.internal.SumAggregatorFactory.class;
            case "function:math" -> io.eventflux.function.math.internal.MathFunctions.class;
            case "function:string" -> io.eventflux.function.string.internal.StringFunctions.class;
            default -> null;
        };
        return provider == null ? List.of() : List.of(provider.getAnnotation(Extension.class).parameters());
    }
}
