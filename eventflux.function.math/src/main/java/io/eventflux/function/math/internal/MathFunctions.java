package io.eventflux.function.math.internal;

import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import io.eventflux.extension.support.function.FunctionTable;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The {@code math} library. Functions that compute in floating point return NULL for NaN or infinity. */
@Component(service = FunctionFactory.class)
@Extension(type = Extension.FUNCTION, name = "math", description = "Numeric functions", parameters = {
        "abs(x): absolute value, type of x (NULL when it overflows)",
        "ceil(x): smallest integral value >= x, type of x",
        "floor(x): largest integral value <= x, type of x",
        "round(x): nearest integral value, halves away from zero, type of x",
        "round(x, n: INT|LONG): x rounded to n decimal places, halves away from zero, DOUBLE",
        "trunc(x): x without its fraction, type of x",
        "trunc(x, n: INT|LONG): x truncated to n decimal places, DOUBLE",
        "sign(x): -1, 0 or 1, INT",
        "sqrt(x): square root, DOUBLE",
        "exp(x): e to the power x, DOUBLE",
        "ln(x): natural logarithm, DOUBLE",
        "log(x): natural logarithm, DOUBLE",
        "log(base, x): logarithm of x to base, DOUBLE",
        "log10(x): base-10 logarithm, DOUBLE",
        "power(x, y): x to the power y, DOUBLE",
        "pow(x, y): same as power",
        "sin(x): sine of x radians, DOUBLE",
        "cos(x): cosine of x radians, DOUBLE",
        "tan(x): tangent of x radians, DOUBLE",
        "asin(x): arc sine in radians, DOUBLE",
        "acos(x): arc cosine in radians, DOUBLE",
        "atan(x): arc tangent in radians, DOUBLE",
        "atan2(y, x): angle of the point (x, y) in radians, DOUBLE",
        "mod(a, b): remainder of a / b with the sign of a, widest type of a and b (NULL when b is 0)",
        "maximum(a, b, ...): largest non-NULL argument, widest argument type",
        "minimum(a, b, ...): smallest non-NULL argument, widest argument type"})
@aQute.bnd.annotation.spi.ServiceProvider(value = FunctionFactory.class, resolution = aQute.bnd.annotation.Resolution.OPTIONAL)
public final class MathFunctions implements FunctionFactory {
    private final FunctionTable table = new FunctionTable("math")
            .add("abs", Rounding::abs)
            .add("ceil", call -> Rounding.keepType(call, Math::ceil))
            .add("floor", call -> Rounding.keepType(call, Math::floor))
            .add("round", Rounding::round)
            .add("trunc", Rounding::trunc)
            .add("sign", Rounding::sign)
            .add("sqrt", call -> Transcendental.unary(call, Math::sqrt))
            .add("exp", call -> Transcendental.unary(call, Math::exp))
            .add("ln", call -> Transcendental.unary(call, Math::log))
            .add("log", Transcendental::log)
            .add("log10", call -> Transcendental.unary(call, Math::log10))
            .add("power", call -> Transcendental.binary(call, Math::pow))
            .add("pow", call -> Transcendental.binary(call, Math::pow))
            .add("sin", call -> Transcendental.unary(call, Math::sin))
            .add("cos", call -> Transcendental.unary(call, Math::cos))
            .add("tan", call -> Transcendental.unary(call, Math::tan))
            .add("asin", call -> Transcendental.unary(call, Math::asin))
            .add("acos", call -> Transcendental.unary(call, Math::acos))
            .add("atan", call -> Transcendental.unary(call, Math::atan))
            .add("atan2", call -> Transcendental.binary(call, Math::atan2))
            .add("mod", Remainder::mod)
            .add("maximum", call -> Extremes.define(call, true))
            .add("minimum", call -> Extremes.define(call, false));

    @Override
    public Set<String> names() {
        return table.names();
    }

    @Override
    public FunctionDefinition define(FunctionSpec spec) {
        return table.define(spec);
    }
}
