package io.eventflux.function.string.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;

/**
 * concat(a, b, ...): any argument types, formatted as CAST(x AS STRING) would; NULL if any argument is
 * NULL, as the Rust engine, Flink and standard SQL's || do.
 */
final class Concat {
    private Concat() {
    }

    static FunctionDefinition define(FunctionCall call) {
        call.arity(1, Integer.MAX_VALUE);
        return DefinedFunction.of(AttributeType.STRING, a -> {
            StringBuilder b = new StringBuilder();
            for (Object o : a) {
                if (o == null) {
                    return null;
                }
                b.append(o);
            }
            return b.toString();
        });
    }
}
