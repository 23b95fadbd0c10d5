package io.eventflux.function.string.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.util.function.BiFunction;

/** Definitions of the functions whose shape is common: one string, two strings, a string and a count. */
final class Text {
    /** A function of a string and an integral count. */
    @FunctionalInterface
    interface StringCount {
        String apply(String s, long count);
    }

    private Text() {
    }

    static FunctionDefinition unary(FunctionCall call, AttributeType result, java.util.function.Function<String, Object> f) {
        call.arity(1, 1);
        call.exactly(0, AttributeType.STRING);
        return DefinedFunction.of(result, a -> a[0] instanceof String s ? f.apply(s) : null);
    }

    static FunctionDefinition binary(FunctionCall call, AttributeType result, BiFunction<String, String, Object> f) {
        call.arity(2, 2);
        call.exactly(0, AttributeType.STRING);
        call.exactly(1, AttributeType.STRING);
        return DefinedFunction.of(result, a -> a[0] instanceof String s && a[1] instanceof String t ? f.apply(s, t) : null);
    }

    static FunctionDefinition withCount(FunctionCall call, StringCount f) {
        call.arity(2, 2);
        call.exactly(0, AttributeType.STRING);
        call.integral(1);
        return DefinedFunction.of(AttributeType.STRING,
                a -> a[0] instanceof String s && a[1] instanceof Number n ? f.apply(s, n.longValue()) : null);
    }

    /** chr(n): NULL for a value that is no code point, or a lone surrogate. */
    static FunctionDefinition chr(FunctionCall call) {
        call.arity(1, 1);
        call.integral(0);
        return DefinedFunction.of(AttributeType.STRING, a -> {
            if (!(a[0] instanceof Number n)) {
                return null;
            }
            long c = n.longValue();
            boolean valid = c >= 0 && c <= Character.MAX_CODE_POINT
                    && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
            return valid ? Character.toString((int) c) : null;
        });
    }
}
