package io.eventflux.function.string.internal;

import static io.eventflux.api.AttributeType.BOOL;
import static io.eventflux.api.AttributeType.DOUBLE;
import static io.eventflux.api.AttributeType.FLOAT;
import static io.eventflux.api.AttributeType.INT;
import static io.eventflux.api.AttributeType.LONG;
import static io.eventflux.api.AttributeType.OBJECT;
import static io.eventflux.api.AttributeType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.extension.testing.Invocation;
import io.eventflux.extension.testing.ManualContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StringFunctionsTest {
    private final StringFunctions strings = new StringFunctions();
    private final ManualContext context = new ManualContext();

    private Invocation call(String name) {
        return new Invocation(strings, context, name);
    }

    private Object apply(String name, String s) {
        return call(name).arg(STRING, s).result();
    }

    private Object apply(String name, String s, String t) {
        return call(name).arg(STRING, s).arg(STRING, t).result();
    }

    private Object apply(String name, String s, Object n) {
        return call(name).arg(STRING, s).arg(INT, n).result();
    }

    @Test
    void listsEveryFunction() {
        assertThat(strings.names()).containsExactlyInAnyOrder("upper", "lower", "length", "concat", "replace", "trim",
                "ltrim", "rtrim", "left", "right", "reverse", "repeat", "position", "locate", "instr", "ascii", "chr",
                "substring", "substr", "lpad", "rpad", "startsWith", "endsWith", "contains", "regexMatch", "split");
    }

    @Test
    void lookupIgnoresCase() {
        assertThat(call("UPPER").arg(STRING, "ab").result()).isEqualTo("AB");
        assertThat(call("Upper").arg(STRING, "ab").result()).isEqualTo("AB");
        assertThat(call("STARTSWITH").arg(STRING, "ab").arg(STRING, "a").result()).isEqualTo(true);
        assertThat(call("regexmatch").arg(STRING, "ab").constant(STRING, "a.").result()).isEqualTo(true);
    }

    @Test
    void unknownFunctionIsAnError() {
        assertThat(call("like").arg(STRING, "a").error()).isEqualTo("function library 'string' has no function 'like'");
    }

    @Test
    void caseLengthReverseAndTrim() {
        assertThat(apply("upper", "straße")).isEqualTo("STRASSE");
        assertThat(apply("lower", "ÀBC")).isEqualTo("àbc");
        assertThat(apply("upper", "")).isEqualTo("");
        assertThat(apply("length", "hello")).isEqualTo(5);
        assertThat(apply("length", "")).isEqualTo(0);
        assertThat(apply("reverse", "abc")).isEqualTo("cba");
        assertThat(apply("reverse", "a\uD83D\uDE00b")).isEqualTo("b\uD83D\uDE00a");
        assertThat(apply("reverse", "")).isEqualTo("");
        assertThat(apply("trim", " \t a b \n")).isEqualTo("a b");
        assertThat(apply("ltrim", "  a ")).isEqualTo("a ");
        assertThat(apply("rtrim", "  a ")).isEqualTo("  a");
        assertThat(apply("trim", "   ")).isEqualTo("");
        for (String f : new String[] {"upper", "lower", "length", "reverse", "trim", "ltrim", "rtrim", "ascii"}) {
            assertThat(apply(f, null)).as(f).isNull();
        }
        assertThat(call("length").arg(STRING, "x").type()).isEqualTo(INT);
        assertThat(call("trim").arg(STRING, "x").type()).isEqualTo(STRING);
    }

    @Test
    void concatFormatsAndIsNullWhenAnyArgumentIsNull() {
        assertThat(call("concat").arg(STRING, "a").arg(STRING, "b").arg(STRING, "c").result()).isEqualTo("abc");
        assertThat(call("concat").arg(STRING, "n=").arg(INT, 3).arg(STRING, " x=").arg(DOUBLE, 1.5)
                .arg(STRING, " ").arg(BOOL, true).arg(LONG, 7L).arg(FLOAT, 0.5f).result()).isEqualTo("n=3 x=1.5 true70.5");
        assertThat(call("concat").arg(STRING, "a").arg(STRING, null).result()).isNull();
        assertThat(call("concat").arg(STRING, "").arg(STRING, "").result()).isEqualTo("");
        assertThat(call("concat").arg(STRING, "solo").result()).isEqualTo("solo");
        assertThat(call("concat").arg(INT, 1).type()).isEqualTo(STRING);
        assertThat(call("concat").error()).isEqualTo("function 'concat' takes at least 1 argument(s), got 0");
    }

    @Test
    void replaceIsLiteral() {
        assertThat(call("replace").arg(STRING, "a.b.c").arg(STRING, ".").arg(STRING, "-").result()).isEqualTo("a-b-c");
        assertThat(call("replace").arg(STRING, "aaa").arg(STRING, "aa").arg(STRING, "b").result()).isEqualTo("ba");
        assertThat(call("replace").arg(STRING, "abc").arg(STRING, "").arg(STRING, "x").result()).isEqualTo("abc");
        assertThat(call("replace").arg(STRING, "abc").arg(STRING, "b").arg(STRING, "").result()).isEqualTo("ac");
        assertThat(call("replace").arg(STRING, "abc").arg(STRING, "b").arg(STRING, null).result()).isNull();
        assertThat(call("replace").arg(STRING, "abc").arg(STRING, "b").arg(INT, 1).error())
                .isEqualTo("function 'replace' argument 3 must be STRING, was INT");
        assertThat(call("replace").arg(STRING, "abc").arg(STRING, "b").error())
                .isEqualTo("function 'replace' takes 3 argument(s), got 2");
    }

    @Test
    void leftRightAndRepeat() {
        assertThat(apply("left", "hello", 2)).isEqualTo("he");
        assertThat(apply("left", "hello", 99)).isEqualTo("hello");
        assertThat(apply("left", "hello", 0)).isEqualTo("");
        assertThat(apply("left", "hello", -1)).isEqualTo("");
        assertThat(apply("left", "", 3)).isEqualTo("");
        assertThat(apply("right", "hello", 3)).isEqualTo("llo");
        assertThat(apply("right", "hello", 10)).isEqualTo("hello");
        assertThat(apply("right", "hello", -2)).isEqualTo("");
        assertThat(call("left").arg(STRING, "hello").arg(LONG, Long.MAX_VALUE).result()).isEqualTo("hello");
        assertThat(call("left").arg(STRING, "hello").arg(INT, null).result()).isNull();
        assertThat(apply("right", null, 1)).isNull();
        assertThat(apply("repeat", "ab", 3)).isEqualTo("ababab");
        assertThat(apply("repeat", "ab", 0)).isEqualTo("");
        assertThat(apply("repeat", "ab", -4)).isEqualTo("");
        assertThat(apply("repeat", "", 1_000_000_000)).isEqualTo("");
        assertThat(apply("repeat", "ab", Integer.MAX_VALUE)).isNull();
        assertThat(call("left").arg(STRING, "a").arg(DOUBLE, 1.0).error())
                .isEqualTo("function 'left' argument 2 must be INT or LONG, was DOUBLE");
        assertThat(call("repeat").arg(INT, 1).arg(INT, 1).error())
                .isEqualTo("function 'repeat' argument 1 must be STRING, was INT");
    }

    @Test
    void positionLocateAndInstrAreOneBased() {
        assertThat(apply("position", "lo", "hello")).isEqualTo(4);
        assertThat(apply("position", "x", "hello")).isEqualTo(0);
        assertThat(apply("position", "", "hello")).isEqualTo(1);
        assertThat(apply("position", "a", "")).isEqualTo(0);
        assertThat(apply("locate", "l", "hello")).isEqualTo(3);
        assertThat(apply("instr", "hello", "l")).isEqualTo(3);
        assertThat(apply("instr", "hello", "z")).isEqualTo(0);
        assertThat(call("locate").arg(STRING, "bar").arg(STRING, "foobarbar").arg(INT, 5).result()).isEqualTo(7);
        assertThat(call("locate").arg(STRING, "bar").arg(STRING, "foobarbar").arg(INT, 4).result()).isEqualTo(4);
        assertThat(call("locate").arg(STRING, "bar").arg(STRING, "foobarbar").arg(INT, 0).result()).isEqualTo(0);
        assertThat(call("locate").arg(STRING, "bar").arg(STRING, "foo").arg(LONG, 99L).result()).isEqualTo(0);
        assertThat(apply("position", null, "hello")).isNull();
        assertThat(apply("instr", "hello", null)).isNull();
        assertThat(call("instr").arg(STRING, "a").arg(STRING, "a").type()).isEqualTo(INT);
        assertThat(call("position").arg(STRING, "a").arg(INT, 1).error())
                .isEqualTo("function 'position' argument 2 must be STRING, was INT");
        assertThat(call("locate").arg(STRING, "a").arg(STRING, "a").arg(STRING, "1").error())
                .isEqualTo("function 'locate' argument 3 must be INT or LONG, was STRING");
    }

    @Test
    void asciiAndChr() {
        assertThat(apply("ascii", "A")).isEqualTo(65);
        assertThat(apply("ascii", "\uD83D\uDE00")).isEqualTo(0x1F600);
        assertThat(apply("ascii", "")).isNull();
        assertThat(call("chr").arg(INT, 65).result()).isEqualTo("A");
        assertThat(call("chr").arg(LONG, 0x1F600L).result()).isEqualTo("\uD83D\uDE00");
        assertThat(call("chr").arg(INT, -1).result()).isNull();
        assertThat(call("chr").arg(INT, 0x110000).result()).isNull();
        assertThat(call("chr").arg(INT, 0xD800).result()).isNull();
        assertThat(call("chr").arg(INT, null).result()).isNull();
        assertThat(call("chr").arg(STRING, "A").error()).isEqualTo("function 'chr' argument 1 must be INT or LONG, was STRING");
    }

    @Test
    void substringIsOneBasedAsStandardSql() {
        assertThat(call("substring").arg(STRING, "hello").arg(INT, 2).result()).isEqualTo("ello");
        assertThat(call("substring").arg(STRING, "hello").arg(INT, 2).arg(INT, 3).result()).isEqualTo("ell");
        assertThat(call("substr").arg(STRING, "hello").arg(INT, 1).arg(INT, 5).result()).isEqualTo("hello");
        assertThat(call("substring").arg(STRING, "hello").arg(INT, 0).arg(INT, 2).result()).isEqualTo("h");
        assertThat(call("substring").arg(STRING, "hello").arg(INT, -3).result()).isEqualTo("hello");
        assertThat(call("substring").arg(STRING, "hello").arg(INT, 4).arg(INT, 100).result()).isEqualTo("lo");
        assertThat(call("substring").arg(STRING, "hello").arg(INT, 6).result()).isEqualTo("");
        assertThat(call("substring").arg(STRING, "hello").arg(INT, 99).arg(INT, 2).result()).isEqualTo("");
        assertThat(call("substring").arg(STRING, "hello").arg(INT, 2).arg(INT, 0).result()).isEqualTo("");
        assertThat(call("substring").arg(STRING, "").arg(INT, 1).arg(INT, 1).result()).isEqualTo("");
        assertThat(call("substring").arg(STRING, "hello").arg(LONG, Long.MAX_VALUE).arg(LONG, Long.MAX_VALUE).result())
                .isEqualTo("");
        assertThat(call("substring").arg(STRING, "hello").arg(LONG, Long.MIN_VALUE).arg(LONG, Long.MAX_VALUE).result())
                .isEqualTo("");
        assertThat(call("substring").arg(STRING, "hello").arg(INT, 2).arg(INT, -1).result()).isNull();
        assertThat(call("substring").arg(STRING, "hello").arg(INT, null).result()).isNull();
        assertThat(call("substring").arg(STRING, null).arg(INT, 1).arg(INT, 1).result()).isNull();
        assertThat(call("substring").arg(STRING, "a").arg(INT, 1).arg(DOUBLE, 1.0).error())
                .isEqualTo("function 'substring' argument 3 must be INT or LONG, was DOUBLE");
        assertThat(call("substr").arg(STRING, "a").error()).isEqualTo("function 'substr' takes 2 to 3 argument(s), got 1");
    }

    @Test
    void padding() {
        assertThat(call("lpad").arg(STRING, "7").arg(INT, 3).arg(STRING, "0").result()).isEqualTo("007");
        assertThat(call("rpad").arg(STRING, "ab").arg(INT, 7).arg(STRING, "xy").result()).isEqualTo("abxyxyx");
        assertThat(call("lpad").arg(STRING, "ab").arg(INT, 5).arg(STRING, "xy").result()).isEqualTo("xyxab");
        assertThat(call("lpad").arg(STRING, "hello").arg(INT, 2).arg(STRING, "x").result()).isEqualTo("he");
        assertThat(call("rpad").arg(STRING, "hello").arg(INT, 2).arg(STRING, "x").result()).isEqualTo("he");
        assertThat(call("rpad").arg(STRING, "ab").arg(INT, 4).result()).isEqualTo("ab  ");
        assertThat(call("lpad").arg(STRING, "ab").arg(INT, 4).arg(STRING, "").result()).isEqualTo("ab");
        assertThat(call("lpad").arg(STRING, "ab").arg(INT, -1).arg(STRING, "x").result()).isEqualTo("");
        assertThat(call("lpad").arg(STRING, "").arg(INT, 2).arg(STRING, "x").result()).isEqualTo("xx");
        assertThat(call("lpad").arg(STRING, "ab").arg(LONG, Long.MAX_VALUE).arg(STRING, "x").result()).isNull();
        assertThat(call("lpad").arg(STRING, "ab").arg(INT, 4).arg(STRING, null).result()).isNull();
        assertThat(call("rpad").arg(STRING, "ab").arg(STRING, "4").error())
                .isEqualTo("function 'rpad' argument 2 must be INT or LONG, was STRING");
        assertThat(call("rpad").arg(STRING, "ab").arg(INT, 4).arg(INT, 0).error())
                .isEqualTo("function 'rpad' argument 3 must be STRING, was INT");
    }

    @Test
    void startsEndsContains() {
        assertThat(apply("startsWith", "hello", "he")).isEqualTo(true);
        assertThat(apply("startsWith", "hello", "lo")).isEqualTo(false);
        assertThat(apply("endsWith", "hello", "lo")).isEqualTo(true);
        assertThat(apply("contains", "hello", "ell")).isEqualTo(true);
        assertThat(apply("contains", "hello", "")).isEqualTo(true);
        assertThat(apply("contains", "", "a")).isEqualTo(false);
        assertThat(apply("contains", "hello", (String) null)).isNull();
        assertThat(call("endsWith").arg(STRING, "a").arg(STRING, "a").type()).isEqualTo(BOOL);
        assertThat(call("contains").arg(STRING, "a").arg(OBJECT, "a").error())
                .isEqualTo("function 'contains' argument 2 must be STRING, was OBJECT");
    }

    @Test
    void regexMatchWithAConstantRegex() {
        assertThat(call("regexMatch").arg(STRING, "ERR-42").constant(STRING, "[A-Z]+-\\d+").result()).isEqualTo(true);
        assertThat(call("regexMatch").arg(STRING, "x ERR-42").constant(STRING, "[A-Z]+-\\d+").result()).isEqualTo(false);
        assertThat(call("regexMatch").arg(STRING, "").constant(STRING, "a*").result()).isEqualTo(true);
        assertThat(call("regexMatch").arg(STRING, null).constant(STRING, "a*").result()).isNull();
        assertThat(call("regexMatch").arg(STRING, "a").constant(STRING, "a").type()).isEqualTo(BOOL);
        assertThat(call("regexMatch").arg(STRING, "a").constant(STRING, "(unclosed").error())
                .startsWith("function 'regexMatch' argument 2 is not a valid regular expression '(unclosed'");
    }

    @Test
    void regexMatchWithAVaryingRegex() {
        Function f = call("regexMatch").arg(STRING, "").arg(STRING, "").define().create(context);
        Object[] args = new Object[2];
        List<Object> seen = new java.util.ArrayList<>();
        for (String[] pair : new String[][] {{"abc", "a.c"}, {"abd", "a.c"}, {"abd", "a.d"}, {"abc", "("}, {"abc", null}}) {
            args[0] = pair[0];
            args[1] = pair[1];
            seen.add(f.apply(args));
        }
        assertThat(seen).containsExactly(true, false, true, null, null);
    }

    @Test
    void splitIntoAListOrOnePart() {
        assertThat(call("split").arg(STRING, "a,b,,c,").arg(STRING, ",").result()).isEqualTo(List.of("a", "b", "", "c", ""));
        assertThat(call("split").arg(STRING, "a.b").arg(STRING, ".").result()).isEqualTo(List.of("a", "b"));
        assertThat(call("split").arg(STRING, "a::b").arg(STRING, "::").result()).isEqualTo(List.of("a", "b"));
        assertThat(call("split").arg(STRING, "abc").arg(STRING, "").result()).isEqualTo(List.of("abc"));
        assertThat(call("split").arg(STRING, "").arg(STRING, ",").result()).isEqualTo(List.of(""));
        assertThat(call("split").arg(STRING, null).arg(STRING, ",").result()).isNull();
        assertThat(call("split").arg(STRING, "a").arg(STRING, ",").type()).isEqualTo(OBJECT);
        assertThat(call("split").arg(STRING, "x|y|z").arg(STRING, "|").arg(INT, 0).result()).isEqualTo("x");
        assertThat(call("split").arg(STRING, "x|y|z").arg(STRING, "|").arg(INT, 2).result()).isEqualTo("z");
        assertThat(call("split").arg(STRING, "x|y|z").arg(STRING, "|").arg(INT, 3).result()).isNull();
        assertThat(call("split").arg(STRING, "x|y|z").arg(STRING, "|").arg(INT, -1).result()).isNull();
        assertThat(call("split").arg(STRING, "x||z").arg(STRING, "|").arg(LONG, 1L).result()).isEqualTo("");
        assertThat(call("split").arg(STRING, "xyz").arg(STRING, "").arg(INT, 0).result()).isEqualTo("xyz");
        assertThat(call("split").arg(STRING, "xyz").arg(STRING, "").arg(INT, 1).result()).isNull();
        assertThat(call("split").arg(STRING, "x").arg(STRING, ",").arg(INT, 0).type()).isEqualTo(STRING);
        assertThat(call("split").arg(STRING, "x").arg(STRING, ",").arg(STRING, "0").error())
                .isEqualTo("function 'split' argument 3 must be INT or LONG, was STRING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"upper", "lower", "length", "trim", "ltrim", "rtrim", "reverse", "ascii"})
    void oneStringFunctionsValidateTheirArgument(String name) {
        assertThat(call(name).arg(INT, 1).error()).isEqualTo("function '" + name + "' argument 1 must be STRING, was INT");
        assertThat(call(name).arg(STRING, "a").arg(STRING, "b").error())
                .isEqualTo("function '" + name + "' takes 1 argument(s), got 2");
        assertThat(call(name).constant(OBJECT, null).result()).isNull();
    }

    @Test
    void carriesItsExtensionAnnotationAtRunTime() {
        assertThat(strings).isInstanceOf(FunctionFactory.class);
        Extension extension = StringFunctions.class.getAnnotation(Extension.class);
        assertThat(extension.type()).isEqualTo(Extension.FUNCTION);
        assertThat(extension.name()).isEqualTo("string");
        assertThat(extension.parameters()).anyMatch(p -> p.startsWith("instr(haystack, needle)"));
    }
}
