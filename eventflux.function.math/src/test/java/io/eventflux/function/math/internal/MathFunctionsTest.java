package io.eventflux.function.math.internal;

import static io.eventflux.api.AttributeType.BOOL;
import static io.eventflux.api.AttributeType.DOUBLE;
import static io.eventflux.api.AttributeType.FLOAT;
import static io.eventflux.api.AttributeType.INT;
import static io.eventflux.api.AttributeType.LONG;
import static io.eventflux.api.AttributeType.OBJECT;
import static io.eventflux.api.AttributeType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.extension.testing.Invocation;
import io.eventflux.extension.testing.ManualContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MathFunctionsTest {
    private final MathFunctions math = new MathFunctions();
    private final ManualContext context = new ManualContext();

    private Invocation call(String name) {
        return new Invocation(math, context, name);
    }

    private Object apply(String name, AttributeType type, Object value) {
        return call(name).arg(type, value).result();
    }

    private Object apply(String name, AttributeType t1, Object v1, AttributeType t2, Object v2) {
        return call(name).arg(t1, v1).arg(t2, v2).result();
    }

    @Test
    void listsEveryFunction() {
        assertThat(math.names()).containsExactlyInAnyOrder("abs", "ceil", "floor", "round", "trunc", "sign", "sqrt",
                "exp", "ln", "log", "log10", "power", "pow", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
                "mod", "maximum", "minimum");
    }

    @Test
    void lookupIgnoresCase() {
        assertThat(call("ABS").arg(INT, -4).result()).isEqualTo(4);
        assertThat(call("Sqrt").arg(DOUBLE, 9.0).result()).isEqualTo(3.0);
        assertThat(call("LOG10").arg(INT, 100).result()).isEqualTo(2.0);
    }

    @Test
    void unknownFunctionIsAnError() {
        assertThat(call("absolute").arg(INT, 1).error()).contains("'math'").contains("'absolute'");
    }

    @Test
    void absKeepsTheTypeAndRejectsOverflow() {
        assertThat(apply("abs", INT, -3)).isEqualTo(3);
        assertThat(apply("abs", LONG, -3L)).isEqualTo(3L);
        assertThat(apply("abs", FLOAT, -1.5f)).isEqualTo(1.5f);
        assertThat(apply("abs", DOUBLE, -2.5)).isEqualTo(2.5);
        assertThat(apply("abs", INT, Integer.MIN_VALUE)).isNull();
        assertThat(apply("abs", LONG, Long.MIN_VALUE)).isNull();
        assertThat(apply("abs", INT, null)).isNull();
        assertThat(call("abs").arg(LONG, 1L).type()).isEqualTo(LONG);
    }

    @Test
    void ceilAndFloorKeepTheType() {
        assertThat(apply("ceil", DOUBLE, 1.2)).isEqualTo(2.0);
        assertThat(apply("ceil", DOUBLE, -1.2)).isEqualTo(-1.0);
        assertThat(apply("ceil", DOUBLE, -0.5)).isEqualTo(0.0).asString().isEqualTo("0.0");
        assertThat(apply("ceil", FLOAT, 1.2f)).isEqualTo(2.0f);
        assertThat(apply("ceil", INT, 7)).isEqualTo(7);
        assertThat(apply("floor", DOUBLE, -1.2)).isEqualTo(-2.0);
        assertThat(apply("floor", LONG, 7L)).isEqualTo(7L);
        assertThat(apply("floor", DOUBLE, null)).isNull();
        assertThat(call("ceil").arg(INT, 1).type()).isEqualTo(INT);
        assertThat(call("floor").arg(FLOAT, 1f).type()).isEqualTo(FLOAT);
    }

    @Test
    void roundHalvesAwayFromZeroInTheArgumentType() {
        assertThat(apply("round", DOUBLE, 2.5)).isEqualTo(3.0);
        assertThat(apply("round", DOUBLE, -2.5)).isEqualTo(-3.0);
        assertThat(apply("round", DOUBLE, 2.4)).isEqualTo(2.0);
        assertThat(apply("round", DOUBLE, 0.49999999999999994)).isEqualTo(0.0);
        assertThat(apply("round", DOUBLE, -0.4)).asString().isEqualTo("0.0");
        assertThat(apply("round", DOUBLE, 1e300)).isEqualTo(1e300);
        assertThat(apply("round", FLOAT, 1.5f)).isEqualTo(2.0f);
        assertThat(apply("round", INT, 5)).isEqualTo(5);
        assertThat(apply("round", DOUBLE, null)).isNull();
        assertThat(call("round").arg(DOUBLE, 1.0).type()).isEqualTo(DOUBLE);
        assertThat(call("round").arg(LONG, 1L).type()).isEqualTo(LONG);
    }

    @Test
    void roundToPlacesReturnsDouble() {
        assertThat(apply("round", DOUBLE, 2.675, INT, 2)).isEqualTo(2.68);
        assertThat(apply("round", DOUBLE, -2.675, INT, 2)).isEqualTo(-2.68);
        assertThat(apply("round", DOUBLE, 1.23, INT, 5)).isEqualTo(1.23);
        assertThat(apply("round", INT, 1250, INT, -2)).isEqualTo(1300.0);
        assertThat(apply("round", FLOAT, 1.25f, LONG, 1L)).isEqualTo(1.3);
        assertThat(apply("round", DOUBLE, 1.5, INT, Integer.MIN_VALUE)).isEqualTo(0.0);
        assertThat(apply("round", DOUBLE, 1.5, INT, Integer.MAX_VALUE)).isEqualTo(1.5);
        assertThat(apply("round", DOUBLE, Double.NaN, INT, 2)).isNull();
        assertThat(apply("round", DOUBLE, 1.5, INT, null)).isNull();
        assertThat(apply("round", DOUBLE, null, INT, 1)).isNull();
        assertThat(call("round").arg(INT, 1).arg(INT, 1).type()).isEqualTo(DOUBLE);
    }

    @Test
    void truncCutsTowardsZero() {
        assertThat(apply("trunc", DOUBLE, 2.7)).isEqualTo(2.0);
        assertThat(apply("trunc", DOUBLE, -2.7)).isEqualTo(-2.0);
        assertThat(apply("trunc", FLOAT, -2.7f)).isEqualTo(-2.0f);
        assertThat(apply("trunc", LONG, 9L)).isEqualTo(9L);
        assertThat(apply("trunc", DOUBLE, 2.789, INT, 2)).isEqualTo(2.78);
        assertThat(apply("trunc", DOUBLE, -2.789, INT, 1)).isEqualTo(-2.7);
        assertThat(apply("trunc", INT, 1299, INT, -2)).isEqualTo(1200.0);
        assertThat(call("trunc").arg(DOUBLE, 1.0).arg(INT, 1).type()).isEqualTo(DOUBLE);
        assertThat(call("trunc").arg(DOUBLE, 1.0).type()).isEqualTo(DOUBLE);
    }

    @Test
    void signIsAnInt() {
        assertThat(apply("sign", INT, -5)).isEqualTo(-1);
        assertThat(apply("sign", LONG, 0L)).isEqualTo(0);
        assertThat(apply("sign", DOUBLE, 0.1)).isEqualTo(1);
        assertThat(apply("sign", FLOAT, -0.1f)).isEqualTo(-1);
        assertThat(apply("sign", DOUBLE, Double.NaN)).isNull();
        assertThat(apply("sign", DOUBLE, null)).isNull();
        assertThat(call("sign").arg(DOUBLE, 1.0).type()).isEqualTo(INT);
    }

    @Test
    void transcendentalFunctionsReturnDouble() {
        assertThat(apply("sqrt", INT, 16)).isEqualTo(4.0);
        assertThat(apply("exp", INT, 0)).isEqualTo(1.0);
        assertThat(apply("ln", DOUBLE, Math.E)).isEqualTo(1.0);
        assertThat(apply("log", DOUBLE, Math.E)).isEqualTo(1.0);
        assertThat(apply("log10", LONG, 1000L)).isEqualTo(3.0);
        assertThat(apply("power", INT, 2, INT, 10)).isEqualTo(1024.0);
        assertThat(apply("pow", DOUBLE, 9.0, DOUBLE, 0.5)).isEqualTo(3.0);
        assertThat(apply("sin", INT, 0)).isEqualTo(0.0);
        assertThat(apply("cos", INT, 0)).isEqualTo(1.0);
        assertThat((Double) apply("tan", DOUBLE, Math.PI / 4)).isCloseTo(1.0, within(1e-12));
        assertThat((Double) apply("asin", INT, 1)).isCloseTo(Math.PI / 2, within(1e-12));
        assertThat(apply("acos", INT, 1)).isEqualTo(0.0);
        assertThat((Double) apply("atan", INT, 1)).isCloseTo(Math.PI / 4, within(1e-12));
        assertThat((Double) apply("atan2", INT, 1, INT, 1)).isCloseTo(Math.PI / 4, within(1e-12));
        for (String f : new String[] {"sqrt", "exp", "ln", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan"}) {
            assertThat(call(f).arg(INT, 1).type()).as(f).isEqualTo(DOUBLE);
            assertThat(apply(f, DOUBLE, null)).as(f).isNull();
        }
        assertThat(call("power").arg(INT, 1).arg(INT, 1).type()).isEqualTo(DOUBLE);
    }

    @Test
    void domainErrorsAndOverflowGiveNull() {
        assertThat(apply("sqrt", INT, -1)).isNull();
        assertThat(apply("ln", INT, 0)).isNull();
        assertThat(apply("log", DOUBLE, -1.0)).isNull();
        assertThat(apply("log10", INT, 0)).isNull();
        assertThat(apply("asin", INT, 2)).isNull();
        assertThat(apply("acos", DOUBLE, -1.5)).isNull();
        assertThat(apply("exp", INT, 1000)).isNull();
        assertThat(apply("power", INT, 0, INT, -1)).isNull();
        assertThat(apply("power", DOUBLE, -8.0, DOUBLE, 1.0 / 3)).isNull();
    }

    @Test
    void logWithABase() {
        assertThat(apply("log", INT, 2, INT, 8)).isEqualTo(3.0);
        assertThat(apply("log", INT, 10, INT, 1000)).isEqualTo(3.0);
        assertThat(apply("log", INT, 1, INT, 5)).isNull();
        assertThat(apply("log", INT, -2, INT, 5)).isNull();
        assertThat(apply("log", INT, 2, INT, null)).isNull();
        assertThat(call("log").arg(INT, 1).arg(INT, 2).arg(INT, 3).error())
                .isEqualTo("function 'log' takes 1 to 2 argument(s), got 3");
    }

    @Test
    void modKeepsIntegerTypesAndIsNullForZero() {
        assertThat(apply("mod", INT, 7, INT, 3)).isEqualTo(1);
        assertThat(apply("mod", INT, -7, INT, 3)).isEqualTo(-1);
        assertThat(apply("mod", INT, 7, LONG, 3L)).isEqualTo(1L);
        assertThat(apply("mod", DOUBLE, 7.5, INT, 2)).isEqualTo(1.5);
        assertThat(apply("mod", FLOAT, 7.5f, INT, 2)).isEqualTo(1.5f);
        assertThat(apply("mod", INT, Integer.MIN_VALUE, INT, -1)).isEqualTo(0);
        assertThat(apply("mod", INT, 7, INT, 0)).isNull();
        assertThat(apply("mod", LONG, 7L, LONG, 0L)).isNull();
        assertThat(apply("mod", DOUBLE, 7.0, DOUBLE, 0.0)).isNull();
        assertThat(apply("mod", INT, null, INT, 2)).isNull();
        assertThat(call("mod").arg(INT, 1).arg(INT, 1).type()).isEqualTo(INT);
        assertThat(call("mod").arg(INT, 1).arg(LONG, 1L).type()).isEqualTo(LONG);
        assertThat(call("mod").arg(LONG, 1L).arg(FLOAT, 1f).type()).isEqualTo(FLOAT);
    }

    @Test
    void maximumAndMinimumWidenAndSkipNull() {
        assertThat(call("maximum").arg(INT, 3).arg(INT, 9).arg(INT, 4).result()).isEqualTo(9);
        assertThat(call("maximum").arg(INT, 3).arg(LONG, 9L).type()).isEqualTo(LONG);
        assertThat(call("maximum").arg(INT, 3).arg(LONG, 9L).result()).isEqualTo(9L);
        assertThat(call("maximum").arg(INT, 3).arg(DOUBLE, 2.5).result()).isEqualTo(3.0);
        assertThat(call("minimum").arg(FLOAT, 3f).arg(INT, -1).result()).isEqualTo(-1.0f);
        assertThat(call("minimum").arg(LONG, Long.MAX_VALUE).arg(LONG, Long.MAX_VALUE - 1).result())
                .isEqualTo(Long.MAX_VALUE - 1);
        assertThat(call("maximum").arg(INT, null).arg(INT, 5).arg(INT, null).result()).isEqualTo(5);
        assertThat(call("minimum").arg(INT, null).arg(DOUBLE, null).result()).isNull();
        assertThat(call("maximum").arg(INT, 7).result()).isEqualTo(7);
        assertThat(call("maximum").error()).isEqualTo("function 'maximum' takes at least 1 argument(s), got 0");
        assertThat(call("minimum").arg(INT, 1).arg(STRING, "a").error())
                .isEqualTo("function 'minimum' argument 2 must be numeric, was STRING");
    }

    @Test
    void nullLiteralFitsAnyNumericParameter() {
        assertThat(call("sqrt").constant(OBJECT, null).result()).isNull();
        assertThat(call("maximum").constant(STRING, null).arg(LONG, 4L).type()).isEqualTo(LONG);
        assertThat(call("round").arg(DOUBLE, 1.0).constant(OBJECT, null).result()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abs", "ceil", "floor", "round", "trunc", "sign", "sqrt", "exp", "ln", "log", "log10",
            "sin", "cos", "tan", "asin", "acos", "atan"})
    void unaryFunctionsValidateTheirArgument(String name) {
        assertThat(call(name).arg(STRING, "1").error())
                .isEqualTo("function '" + name + "' argument 1 must be numeric, was STRING");
        assertThat(call(name).arg(BOOL, true).error()).contains("argument 1 must be numeric, was BOOL");
        assertThat(call(name).error()).startsWith("function '" + name + "' takes 1");
    }

    @Test
    void binaryFunctionsValidateBothArguments() {
        assertThat(call("power").arg(INT, 1).error()).isEqualTo("function 'power' takes 2 argument(s), got 1");
        assertThat(call("POW").arg(INT, 1).arg(STRING, "x").error())
                .isEqualTo("function 'POW' argument 2 must be numeric, was STRING");
        assertThat(call("mod").arg(OBJECT, 1).arg(INT, 1).error())
                .isEqualTo("function 'mod' argument 1 must be numeric, was OBJECT");
        assertThat(call("round").arg(DOUBLE, 1.0).arg(DOUBLE, 2.0).error())
                .isEqualTo("function 'round' argument 2 must be INT or LONG, was DOUBLE");
        assertThat(call("trunc").arg(DOUBLE, 1.0).arg(INT, 1).arg(INT, 1).error())
                .isEqualTo("function 'trunc' takes 1 to 2 argument(s), got 3");
        assertThat(call("atan2").arg(INT, 1).arg(BOOL, false).error()).contains("argument 2 must be numeric, was BOOL");
    }

    @Test
    void argumentArrayIsNotKept() {
        FunctionDefinition d = call("maximum").arg(INT, 0).arg(INT, 0).define();
        Function f = d.create(context);
        Object[] args = {1, 2};
        assertThat(f.apply(args)).isEqualTo(2);
        args[0] = 5;
        args[1] = null;
        assertThat(f.apply(args)).isEqualTo(5);
    }

    @Test
    void carriesItsExtensionAnnotationAtRunTime() {
        // The ServiceLoader path reads it; META-INF/services itself only exists in the bnd-built jar.
        assertThat(new MathFunctions()).isInstanceOf(FunctionFactory.class);
        Extension extension = MathFunctions.class.getAnnotation(Extension.class);
        assertThat(extension.type()).isEqualTo(Extension.FUNCTION);
        assertThat(extension.name()).isEqualTo("math");
        assertThat(extension.parameters()).anyMatch(p -> p.startsWith("atan2("));
    }
}
