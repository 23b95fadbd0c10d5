package io.eventflux.function.math.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Functions computed in double precision (sqrt, exp, logarithms, power, trigonometry). They return
 * DOUBLE, and NULL instead of NaN or infinity: a domain error ({@code sqrt(-1)}, {@code ln(0)}) or an
 * overflow is bad data, not a number.
 */
final class Transcendental {
    private Transcendental() {
    }

    static FunctionDefinition unary(FunctionCall call, DoubleUnaryOperator op) {
        call.arity(1, 1);
        call.numeric(0);
        return DefinedFunction.of(AttributeType.DOUBLE,
                a -> a[0] instanceof Number x ? finite(op.applyAsDouble(x.doubleValue())) : null);
    }

    static FunctionDefinition binary(FunctionCall call, DoubleBinaryOperator op) {
        call.arity(2, 2);
        call.numeric(0);
        call.numeric(1);
        return DefinedFunction.of(AttributeType.DOUBLE, a -> a[0] instanceof Number x && a[1] instanceof Number y
                ? finite(op.applyAsDouble(x.doubleValue(), y.doubleValue())) : null);
    }

    /** log(x) is natural; log(base, x) as in standard SQL and PostgreSQL. */
    static FunctionDefinition log(FunctionCall call) {
        return call.arity(1, 2) == 1 ? unary(call, Math::log) : binary(call, Transcendental::log);
    }

    static double log(double base, double x) {
        // log10 is exact for powers of ten, where ln(x) / ln(10) is not (log(10, 1000) = 2.9999999999999996).
        return base == 10 ? Math.log10(x) : Math.log(x) / Math.log(base);
    }

    static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
