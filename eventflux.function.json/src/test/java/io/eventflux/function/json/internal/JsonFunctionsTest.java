package io.eventflux.function.json.internal;

import static io.eventflux.api.AttributeType.BOOL;
import static io.eventflux.api.AttributeType.DOUBLE;
import static io.eventflux.api.AttributeType.INT;
import static io.eventflux.api.AttributeType.LONG;
import static io.eventflux.api.AttributeType.OBJECT;
import static io.eventflux.api.AttributeType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.extension.testing.Invocation;
import io.eventflux.extension.testing.ManualContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFunctionsTest {
    private static final String DOC = "{\"a\":{\"b\":\"x\",\"n\":1.5,\"t\":true,\"z\":null},"
            + "\"list\":[10,{\"k\":\"v\"},[1,2]],\"odd key\":\"o\",\"it's\":7}";

    private final JsonFunctions json = new JsonFunctions();
    private final ManualContext context = new ManualContext();

    private Invocation call(String name) {
        return new Invocation(json, context, name);
    }

    private Object get(String doc, String path) {
        return call("jsonGet").arg(STRING, doc).constant(STRING, path).result();
    }

    @Test
    void listsEveryFunction() {
        assertThat(json.names()).containsExactlyInAnyOrder("jsonGet", "toJson");
        assertThat(call("JSONGET").arg(STRING, DOC).constant(STRING, "$.a.b").result()).isEqualTo("x");
    }

    @Test
    void jsonGetValuesAsText() {
        assertThat(get(DOC, "$.a.b")).isEqualTo("x");
        assertThat(get(DOC, "$.a.n")).isEqualTo("1.5");
        assertThat(get(DOC, "$.a.t")).isEqualTo("true");
        assertThat(get(DOC, "$.a")).isEqualTo("{\"b\":\"x\",\"n\":1.5,\"t\":true,\"z\":null}");
        assertThat(get(DOC, "$.list")).isEqualTo("[10,{\"k\":\"v\"},[1,2]]");
        assertThat(get(DOC, "$.list[0]")).isEqualTo("10");
        assertThat(get(DOC, "$.list[1].k")).isEqualTo("v");
        assertThat(get(DOC, "$.list[2][1]")).isEqualTo("2");
        assertThat(get(DOC, "$['odd key']")).isEqualTo("o");
        assertThat(get(DOC, "$[\"a\"]['b']")).isEqualTo("x");
        assertThat(get(DOC, "$['it\\'s']")).isEqualTo("7");
        assertThat(get("\"plain\"", "$")).isEqualTo("plain");
        assertThat(get("[1,2]", "$[1]")).isEqualTo("2");
        assertThat(call("jsonGet").arg(STRING, DOC).arg(STRING, "$.list[1].k").result()).isEqualTo("v");
        assertThat(call("jsonGet").arg(STRING, DOC).constant(STRING, "$").type()).isEqualTo(STRING);
    }

    @Test
    void jsonGetNulls() {
        assertThat(get(DOC, "$.a.missing")).isNull();
        assertThat(get(DOC, "$.a.z")).isNull();
        assertThat(get(DOC, "$.list[9]")).isNull();
        assertThat(get(DOC, "$.a[0]")).isNull();
        assertThat(get(DOC, "$.list.k")).isNull();
        assertThat(get(DOC, "$.a.b.c")).isNull();
        assertThat(get("{not json", "$.a")).isNull();
        assertThat(get("", "$.a")).isNull();
        assertThat(get(null, "$.a")).isNull();
        assertThat(call("jsonGet").arg(STRING, DOC).arg(STRING, null).result()).isNull();
        assertThat(call("jsonGet").arg(STRING, DOC).arg(STRING, "$a").result()).isNull();
        assertThat(call("jsonGet").arg(STRING, DOC).arg(STRING, "$['a").result()).isNull();
        assertThat(get(DOC, "$..nowhere")).isEqualTo("[]");
        assertThat(get(DOC, "$.a.b.length()")).isNull();
    }

    @Test
    void jsonGetTakesFullJsonPath() {
        assertThat(get(DOC, "a.b")).isEqualTo("x"); // Jayway: a path without $ starts at the root
        assertThat(get(DOC, "$..b")).isEqualTo("[\"x\"]");
        assertThat(get(DOC, "$.list[*].k")).isEqualTo("[\"v\"]");
        assertThat(get(DOC, "$.a.*")).isEqualTo("[\"x\",1.5,true,null]");
        assertThat(get("{\"q\":[{\"s\":\"A\",\"p\":1},{\"s\":\"B\",\"p\":3}]}", "$.q[?(@.p > 2)].s")).isEqualTo("[\"B\"]");
        assertThat(get("{\"q\":[{\"s\":\"A\"},{\"s\":\"B\"}]}", "$.q[?(@.s in ['B'])].s")).isEqualTo("[\"B\"]");
        assertThat(get(DOC, "$.list.length()")).isEqualTo("3");
        assertThat(get(DOC, "$.list[-1:]")).isEqualTo("[[1,2]]");
        assertThat(call("jsonGet").arg(STRING, DOC).arg(STRING, "$..k").result()).isEqualTo("[\"v\"]");
    }

    @Test
    void toJsonWritesEveryType() {
        assertThat(call("toJson").arg(STRING, "a\"b").result()).isEqualTo("\"a\\\"b\"");
        assertThat(call("toJson").arg(INT, 3).result()).isEqualTo("3");
        assertThat(call("toJson").arg(LONG, 4L).result()).isEqualTo("4");
        assertThat(call("toJson").arg(DOUBLE, 1.5).result()).isEqualTo("1.5");
        assertThat(call("toJson").arg(BOOL, true).result()).isEqualTo("true");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", List.of(1, "x"));
        assertThat(call("toJson").arg(OBJECT, map).result()).isEqualTo("{\"k\":[1,\"x\"]}");
        assertThat(call("toJson").arg(STRING, null).result()).isNull();
        assertThat(call("toJson").arg(DOUBLE, Double.NaN).result()).isNull();
        assertThat(call("toJson").arg(OBJECT, new Object()).result()).isNull();
        assertThat(call("toJson").arg(INT, 1).type()).isEqualTo(STRING);
    }

    @Test
    void toJsonOfJsonGetRoundTrips() {
        String inner = (String) get(DOC, "$.list[1]");
        assertThat(get(inner, "$.k")).isEqualTo("v");
    }

    @Test
    void compileTimeArgumentErrors() {
        assertThat(call("jsonGet").arg(INT, 1).constant(STRING, "$").error())
                .isEqualTo("function 'jsonGet' argument 1 must be STRING, was INT");
        assertThat(call("jsonGet").arg(STRING, DOC).arg(INT, 1).error())
                .isEqualTo("function 'jsonGet' argument 2 must be STRING, was INT");
        assertThat(call("jsonGet").arg(STRING, DOC).constant(STRING, "$a").error())
                .isEqualTo("function 'jsonGet' argument 2 is not a valid JSONPath '$a': "
                        + "Illegal character at position 1 expected '.' or '['");
        assertThat(call("jsonGet").arg(STRING, DOC).constant(STRING, "$..").error())
                .startsWith("function 'jsonGet' argument 2 is not a valid JSONPath '$..': ");
        assertThat(call("jsonGet").arg(STRING, DOC).error()).contains("jsonGet");
        assertThat(call("toJson").error()).contains("toJson");
        assertThat(call("toJson").arg(INT, 1).arg(INT, 2).error()).contains("toJson");
    }
}
