package io.eventflux.function.math.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.DoubleUnaryOperator;

/**
 * abs, ceil, floor, round, trunc and sign. The one-argument forms keep the argument's type (integers
 * are already integral); the forms with decimal places return DOUBLE, as the Rust engine did.
 */
final class Rounding {
    /** Decimal places beyond which a double has nothing left to round (and a bound for setScale). */
    private static final int MAX_PLACES = 400;

    private Rounding() {
    }

    static FunctionDefinition abs(FunctionCall call) {
        call.arity(1, 1);
        AttributeType type = call.numeric(0);
        Function f = switch (type) {
            case INT -> a -> a[0] instanceof Number n && n.intValue() != Integer.MIN_VALUE ? Math.abs(n.intValue()) : null;
            case LONG -> a -> a[0] instanceof Number n && n.longValue() != Long.MIN_VALUE ? Math.abs(n.longValue()) : null;
            case FLOAT -> a -> a[0] instanceof Number n ? Math.abs(n.floatValue()) : null;
            default -> a -> a[0] instanceof Number n ? Math.abs(n.doubleValue()) : null;
        };
        return DefinedFunction.of(type, f);
    }

    /** A function that returns integers unchanged and applies {@code op} to FLOAT and DOUBLE values. */
    static FunctionDefinition keepType(FunctionCall call, DoubleUnaryOperator op) {
        call.arity(1, 1);
        AttributeType type = call.numeric(0);
        // "+ 0.0" turns the -0.0 that ceil(-0.5) gives into 0.0.
        Function f = switch (type) {
            case INT -> a -> a[0] instanceof Number n ? n.intValue() : null;
            case LONG -> a -> a[0] instanceof Number n ? n.longValue() : null;
            case FLOAT -> a -> a[0] instanceof Number n ? (float) (op.applyAsDouble(n.floatValue()) + 0.0) : null;
            default -> a -> a[0] instanceof Number n ? op.applyAsDouble(n.doubleValue()) + 0.0 : null;
        };
        return DefinedFunction.of(type, f);
    }

    static FunctionDefinition round(FunctionCall call) {
        return call.arity(1, 2) == 1 ? keepType(call, Rounding::halfAwayFromZero) : places(call, RoundingMode.HALF_UP);
    }

    static FunctionDefinition trunc(FunctionCall call) {
        return call.arity(1, 2) == 1 ? keepType(call, d -> d < 0 ? Math.ceil(d) : Math.floor(d))
                : places(call, RoundingMode.DOWN);
    }

    static FunctionDefinition sign(FunctionCall call) {
        call.arity(1, 1);
        call.numeric(0);
        return DefinedFunction.of(AttributeType.INT, a -> {
            if (a[0] instanceof Integer || a[0] instanceof Long) {
                return Long.signum(((Number) a[0]).longValue());
            }
            return a[0] instanceof Number n && !Double.isNaN(n.doubleValue()) ? (int) Math.signum(n.doubleValue()) : null;
        });
    }

    /** Standard SQL rounding (Math.round rounds -2.5 to -2; SQL and the Rust engine give -3). */
    static double halfAwayFromZero(double d) {
        double a = Math.abs(d);
        if (!(a < 0x1p52)) {
            return d; // already integral, or NaN
        }
        double f = Math.floor(a);
        double r = a - f >= 0.5 ? f + 1 : f; // a - f is exact below 2^52
        return Math.copySign(r, d);
    }

    private static FunctionDefinition places(FunctionCall call, RoundingMode mode) {
        call.numeric(0);
        call.integral(1);
        return DefinedFunction.of(AttributeType.DOUBLE,
                a -> a[0] instanceof Number x && a[1] instanceof Number n ? scale(x, n.longValue(), mode) : null);
    }

    /** Rounds the decimal value the user sees (2.675 is "2.675", not 2.67499999...) to {@code places}. */
    static Double scale(Number x, long places, RoundingMode mode) {
        BigDecimal d;
        if (x instanceof Integer || x instanceof Long) {
            d = BigDecimal.valueOf(x.longValue());
        } else if (!Double.isFinite(x.doubleValue())) {
            return null;
        } else {
            d = x instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(x.doubleValue());
        }
        int p = (int) Math.max(-MAX_PLACES, Math.min(MAX_PLACES, places));
        double r = d.scale() <= p ? d.doubleValue() : d.setScale(p, mode).doubleValue();
        return r + 0.0;
    }
}
