package io.eventflux.function.core.internal;

import static io.eventflux.api.AttributeType.BOOL;
import static io.eventflux.api.AttributeType.DOUBLE;
import static io.eventflux.api.AttributeType.FLOAT;
import static io.eventflux.api.AttributeType.INT;
import static io.eventflux.api.AttributeType.LONG;
import static io.eventflux.api.AttributeType.OBJECT;
import static io.eventflux.api.AttributeType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.extension.testing.Invocation;
import io.eventflux.extension.testing.ManualContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoreFunctionsTest {
    private final CoreFunctions core = new CoreFunctions();
    private final ManualContext context = new ManualContext();

    private Invocation call(String name) {
        return new Invocation(core, context, name);
    }

    private Object convert(AttributeType type, Object value, String target) {
        return call("convert").arg(type, value).constant(STRING, target).result();
    }

    @Test
    void listsEveryFunction() {
        assertThat(core.names()).containsExactlyInAnyOrder("coalesce", "default", "ifnull", "nullif", "if", "convert",
                "uuid", "now", "currentTimeMillis", "eventTimestamp", "instanceOfString", "instanceOfInteger",
                "instanceOfLong", "instanceOfFloat", "instanceOfDouble", "instanceOfBoolean", "sizeOfSet");
    }

    @Test
    void lookupIgnoresCase() {
        assertThat(call("COALESCE").arg(INT, null).arg(INT, 2).result()).isEqualTo(2);
        assertThat(call("IF").arg(BOOL, true).arg(INT, 1).arg(INT, 2).result()).isEqualTo(1);
        assertThat(call("instanceofstring").arg(OBJECT, "x").result()).isEqualTo(true);
        assertThat(call("CurrentTimeMillis").type()).isEqualTo(LONG);
    }

    @Test
    void unknownFunctionIsAnError() {
        assertThat(call("cast").error()).isEqualTo("function library 'core' has no function 'cast'");
    }

    @Test
    void coalesceReturnsTheFirstNonNullInTheCommonType() {
        assertThat(call("coalesce").arg(STRING, null).arg(STRING, "b").arg(STRING, "c").result()).isEqualTo("b");
        assertThat(call("coalesce").arg(STRING, "a").arg(STRING, "b").result()).isEqualTo("a");
        assertThat(call("coalesce").arg(STRING, null).arg(STRING, null).result()).isNull();
        assertThat(call("coalesce").arg(INT, 3).result()).isEqualTo(3);
        assertThat(call("coalesce").arg(INT, null).arg(LONG, 7L).type()).isEqualTo(LONG);
        assertThat(call("coalesce").arg(INT, 3).arg(LONG, 7L).result()).isEqualTo(3L);
        assertThat(call("coalesce").arg(INT, null).arg(FLOAT, 1.5f).arg(DOUBLE, 2.0).result()).isEqualTo(1.5);
        assertThat(call("coalesce").arg(OBJECT, null).arg(OBJECT, List.of(1)).result()).isEqualTo(List.of(1));
        assertThat(call("coalesce").constant(OBJECT, null).arg(INT, 4).type()).isEqualTo(INT);
        assertThat(call("coalesce").constant(OBJECT, null).arg(INT, 4).result()).isEqualTo(4);
    }

    @Test
    void coalesceValidatesItsArguments() {
        assertThat(call("coalesce").error()).isEqualTo("function 'coalesce' takes at least 1 argument(s), got 0");
        assertThat(call("coalesce").arg(INT, 1).arg(STRING, "x").error())
                .isEqualTo("function 'coalesce' argument 2 must be of a type compatible with argument 1 (INT), was STRING");
        assertThat(call("coalesce").arg(BOOL, true).arg(INT, 1).error()).contains("argument 2").contains("BOOL");
    }

    @Test
    void defaultAndIfnullReplaceNull() {
        for (String name : new String[] {"default", "ifnull"}) {
            assertThat(call(name).arg(STRING, null).arg(STRING, "d").result()).as(name).isEqualTo("d");
            assertThat(call(name).arg(STRING, "x").arg(STRING, "d").result()).as(name).isEqualTo("x");
            assertThat(call(name).arg(INT, null).arg(DOUBLE, 0.5).result()).as(name).isEqualTo(0.5);
            assertThat(call(name).arg(INT, 2).arg(DOUBLE, 0.5).result()).as(name).isEqualTo(2.0);
            assertThat(call(name).arg(INT, null).arg(INT, null).result()).as(name).isNull();
            assertThat(call(name).arg(LONG, 1L).arg(INT, 0).type()).as(name).isEqualTo(LONG);
            assertThat(call(name).arg(INT, 1).error()).isEqualTo("function '" + name + "' takes 2 argument(s), got 1");
            assertThat(call(name).arg(STRING, "x").arg(BOOL, false).error())
                    .contains("argument 2 must be of a type compatible with argument 1 (STRING), was BOOL");
        }
    }

    @Test
    void nullifComparesByValue() {
        assertThat(call("nullif").arg(INT, 5).arg(INT, 5).result()).isNull();
        assertThat(call("nullif").arg(INT, 5).arg(INT, 6).result()).isEqualTo(5);
        assertThat(call("nullif").arg(INT, 5).arg(DOUBLE, 5.0).result()).isNull();
        assertThat(call("nullif").arg(LONG, 5L).arg(INT, 5).result()).isNull();
        assertThat(call("nullif").arg(STRING, "a").arg(STRING, "a").result()).isNull();
        assertThat(call("nullif").arg(STRING, "a").arg(STRING, "b").result()).isEqualTo("a");
        assertThat(call("nullif").arg(STRING, "a").arg(STRING, null).result()).isEqualTo("a");
        assertThat(call("nullif").arg(STRING, null).arg(STRING, "a").result()).isNull();
        assertThat(call("nullif").arg(INT, 5).arg(DOUBLE, 5.0).type()).isEqualTo(INT);
        assertThat(call("nullif").arg(STRING, "a").arg(INT, 1).error())
                .isEqualTo("function 'nullif' argument 2 must be of a type compatible with argument 1 (STRING), was INT");
    }

    @Test
    void ifChoosesAndTreatsNullConditionAsFalse() {
        assertThat(call("if").arg(BOOL, true).arg(STRING, "a").arg(STRING, "b").result()).isEqualTo("a");
        assertThat(call("if").arg(BOOL, false).arg(STRING, "a").arg(STRING, "b").result()).isEqualTo("b");
        assertThat(call("if").arg(BOOL, null).arg(STRING, "a").arg(STRING, "b").result()).isEqualTo("b");
        assertThat(call("if").arg(BOOL, true).arg(INT, 1).arg(DOUBLE, 2.5).result()).isEqualTo(1.0);
        assertThat(call("if").arg(BOOL, true).arg(INT, 1).arg(DOUBLE, 2.5).type()).isEqualTo(DOUBLE);
        assertThat(call("if").arg(BOOL, true).arg(STRING, null).arg(STRING, "b").result()).isNull();
        assertThat(call("if").arg(BOOL, true).constant(STRING, null).arg(LONG, 2L).type()).isEqualTo(LONG);
        assertThat(call("if").arg(INT, 1).arg(INT, 1).arg(INT, 2).error())
                .isEqualTo("function 'if' argument 1 must be BOOL, was INT");
        assertThat(call("if").arg(BOOL, true).arg(INT, 1).arg(STRING, "x").error())
                .isEqualTo("function 'if' argument 3 must be of a type compatible with argument 2 (INT), was STRING");
        assertThat(call("if").arg(BOOL, true).arg(INT, 1).error()).isEqualTo("function 'if' takes 3 argument(s), got 2");
    }

    @ParameterizedTest
    @CsvSource({"string,STRING", "VARCHAR,STRING", "text,STRING", "int,INT", "Integer,INT", "smallint,INT",
            "long,LONG", "bigint,LONG", "timestamp,LONG", "float,FLOAT", "real,FLOAT", "double,DOUBLE",
            "decimal,DOUBLE", "bool,BOOL", "boolean,BOOL", "object,OBJECT"})
    void convertAcceptsEveryTypeName(String name, AttributeType type) {
        assertThat(call("convert").arg(STRING, "1").constant(STRING, name).type()).isEqualTo(type);
    }

    @Test
    void convertToNumbers() {
        assertThat(convert(STRING, " 42 ", "int")).isEqualTo(42);
        // as CAST('4.2' AS INT): the string is read as a numeric literal, then truncated; out of range is NULL
        assertThat(convert(STRING, "4.2", "int")).isEqualTo(4);
        assertThat(convert(STRING, "-4.9e2", "long")).isEqualTo(-490L);
        assertThat(convert(STRING, "5000000000", "int")).isNull();
        assertThat(convert(STRING, "1e30", "long")).isNull();
        assertThat(convert(STRING, "NaN", "int")).isNull();
        assertThat(convert(STRING, "abc", "long")).isNull();
        assertThat(convert(STRING, "", "double")).isNull();
        assertThat(convert(DOUBLE, 3.9, "int")).isEqualTo(3);
        assertThat(convert(DOUBLE, -3.9, "long")).isEqualTo(-3L);
        assertThat(convert(DOUBLE, 1e20, "long")).isNull();
        assertThat(convert(DOUBLE, Double.NaN, "int")).isNull();
        assertThat(convert(LONG, 1L << 40, "int")).isNull();
        assertThat(convert(LONG, 12L, "int")).isEqualTo(12);
        assertThat(convert(INT, 7, "double")).isEqualTo(7.0);
        assertThat(convert(DOUBLE, 1e300, "float")).isNull();
        assertThat(convert(DOUBLE, 1.5, "float")).isEqualTo(1.5f);
        assertThat(convert(STRING, "2.5", "float")).isEqualTo(2.5f);
        assertThat(convert(BOOL, true, "int")).isEqualTo(1);
        assertThat(convert(BOOL, false, "double")).isEqualTo(0.0);
        assertThat(convert(OBJECT, 9L, "int")).isEqualTo(9);
        assertThat(convert(OBJECT, List.of(), "int")).isNull();
    }

    @Test
    void convertToStringBoolAndObject() {
        assertThat(convert(INT, 42, "string")).isEqualTo("42");
        assertThat(convert(DOUBLE, 1.5, "string")).isEqualTo("1.5");
        assertThat(convert(BOOL, true, "string")).isEqualTo("true");
        assertThat(convert(STRING, "TRUE", "bool")).isEqualTo(true);
        assertThat(convert(STRING, " false ", "bool")).isEqualTo(false);
        assertThat(convert(STRING, "yes", "bool")).isNull();
        assertThat(convert(INT, 0, "bool")).isEqualTo(false);
        assertThat(convert(LONG, -3L, "bool")).isEqualTo(true);
        assertThat(convert(DOUBLE, Double.NaN, "bool")).isNull();
        assertThat(convert(STRING, "x", "object")).isEqualTo("x");
        assertThat(convert(STRING, null, "int")).isNull();
    }

    @Test
    void convertNeedsAConstantTypeName() {
        assertThat(call("convert").arg(INT, 1).constant(STRING, "bignum").error())
                .startsWith("function 'convert' argument 2 names no type: 'bignum'");
        assertThat(call("convert").arg(INT, 1).arg(STRING, "int").error())
                .isEqualTo("function 'convert' argument 2 must be a constant type name such as 'LONG', was attribute a1 (STRING)");
        assertThat(call("convert").arg(INT, 1).constant(INT, 3).error()).contains("argument 2 must be a constant type name");
        assertThat(call("convert").arg(INT, 1).error()).isEqualTo("function 'convert' takes 2 argument(s), got 1");
    }

    @Test
    void uuidIsRandomAndWellFormed() {
        Function f = call("uuid").define().create(context);
        Object first = f.apply(new Object[0]);
        Object second = f.apply(new Object[0]);
        assertThat(first).asString().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(second).isNotEqualTo(first);
        assertThat(call("uuid").type()).isEqualTo(STRING);
        assertThat(call("uuid").arg(INT, 1).error()).isEqualTo("function 'uuid' takes 0 argument(s), got 1");
    }

    @Test
    void nowReadsTheInjectedClockAtEveryCall() {
        Function now = call("now").define().create(context);
        Function millis = call("currentTimeMillis").define().create(context);
        List<Object> seen = new ArrayList<>();
        context.now = 1_000L;
        seen.add(now.apply(new Object[0]));
        context.now = 2_500L;
        seen.add(now.apply(new Object[0]));
        seen.add(millis.apply(new Object[0]));
        assertThat(seen).containsExactly(1_000L, 2_500L, 2_500L);
        assertThat(call("now").type()).isEqualTo(LONG);
        assertThat(call("now").arg(INT, 1).error()).isEqualTo("function 'now' takes 0 argument(s), got 1");
    }

    @Test
    void eventTimestampReadsTheCurrentEvent() {
        Function ts = call("eventTimestamp").define().create(context);
        context.now = 99L;
        context.eventTimestamp = 1_234L;
        Object first = ts.apply(new Object[0]);
        context.eventTimestamp = 5_678L;
        assertThat(List.of(first, ts.apply(new Object[0]))).containsExactly(1_234L, 5_678L);
        assertThat(call("eventTimestamp").type()).isEqualTo(LONG);
    }

    @Test
    void instanceOfTestsTheRuntimeValue() {
        assertThat(call("instanceOfString").arg(OBJECT, "s").result()).isEqualTo(true);
        assertThat(call("instanceOfString").arg(OBJECT, 1).result()).isEqualTo(false);
        assertThat(call("instanceOfString").arg(STRING, null).result()).isEqualTo(false);
        assertThat(call("instanceOfInteger").arg(OBJECT, 1).result()).isEqualTo(true);
        assertThat(call("instanceOfInteger").arg(OBJECT, 1L).result()).isEqualTo(false);
        assertThat(call("instanceOfLong").arg(LONG, 1L).result()).isEqualTo(true);
        assertThat(call("instanceOfFloat").arg(FLOAT, 1f).result()).isEqualTo(true);
        assertThat(call("instanceOfFloat").arg(DOUBLE, 1.0).result()).isEqualTo(false);
        assertThat(call("instanceOfDouble").arg(DOUBLE, 1.0).result()).isEqualTo(true);
        assertThat(call("instanceOfBoolean").arg(BOOL, false).result()).isEqualTo(true);
        assertThat(call("instanceOfBoolean").arg(STRING, "true").result()).isEqualTo(false);
        assertThat(call("instanceOfLong").arg(INT, 1).type()).isEqualTo(BOOL);
        assertThat(call("instanceOfLong").error()).isEqualTo("function 'instanceOfLong' takes 1 argument(s), got 0");
    }

    @Test
    void sizeOfSetCountsASet() {
        assertThat(call("sizeOfSet").arg(OBJECT, Set.of("a", "b", "c")).result()).isEqualTo(3);
        assertThat(call("sizeOfSet").arg(OBJECT, Set.of()).result()).isEqualTo(0);
        assertThat(call("sizeOfSet").arg(OBJECT, List.of(1)).result()).isNull();
        assertThat(call("sizeOfSet").arg(OBJECT, null).result()).isNull();
        assertThat(call("sizeOfSet").arg(OBJECT, null).type()).isEqualTo(INT);
        assertThat(call("sizeOfSet").arg(STRING, "a").error())
                .isEqualTo("function 'sizeOfSet' argument 1 must be OBJECT, was STRING");
    }

    @Test
    void carriesItsExtensionAnnotationAtRunTime() {
        assertThat(core).isInstanceOf(FunctionFactory.class);
        Extension extension = CoreFunctions.class.getAnnotation(Extension.class);
        assertThat(extension.type()).isEqualTo(Extension.FUNCTION);
        assertThat(extension.name()).isEqualTo("core");
        assertThat(extension.parameters()).hasSize(17);
    }
}
