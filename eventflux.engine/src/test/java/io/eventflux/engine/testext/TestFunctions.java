package io.eventflux.engine.testext;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionContext;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import java.util.Set;

/** Test-only function library "testfn": upper(s), eventTs(). */
@Extension(type = Extension.FUNCTION, name = "testfn")
public final class TestFunctions implements FunctionFactory {
    @Override
    public Set<String> names() {
        return Set.of("upper", "eventTs");
    }

    @Override
    public FunctionDefinition define(FunctionSpec spec) {
        return switch (spec.name().toLowerCase()) {
            case "upper" -> definition(AttributeType.STRING,
                    ctx -> args -> args[0] == null ? null : args[0].toString().toUpperCase());
            case "eventts" -> definition(AttributeType.LONG, ctx -> args -> ctx.eventTimestamp());
            default -> throw new ExtensionException("unknown function " + spec.name());
        };
    }

    private static FunctionDefinition definition(AttributeType type, java.util.function.Function<FunctionContext, Function> f) {
        return new FunctionDefinition() {
            @Override
            public AttributeType returnType() {
                return type;
            }

            @Override
            public Function create(FunctionContext context) {
                return f.apply(context);
            }
        };
    }
}
