package io.eventflux.extension.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    @Test
    void parsesEveryStepForm() {
        assertThat(JsonPath.parse("$").steps()).isEmpty();
        assertThat(JsonPath.parse(" $.a.b ").steps()).containsExactly("a", "b");
        assertThat(JsonPath.parse("$.list[2][10].k").steps()).containsExactly("list", 2, 10, "k");
        assertThat(JsonPath.parse("$['odd key'][\"x.y\"]").steps()).containsExactly("odd key", "x.y");
        assertThat(JsonPath.parse("$['it\\'s']['a\\\\b']").steps()).containsExactly("it's", "a\\b");
        assertThat(JsonPath.parse("$[0]").steps()).containsExactly(0);
        assertThat(JsonPath.member("a.b").steps()).containsExactly("a.b");
    }

    @Test
    void toStringRoundTrips() {
        JsonPath path = JsonPath.parse("$.a['it\\'s'][3]");
        assertThat(path).hasToString("$['a']['it\\'s'][3]");
        assertThat(JsonPath.parse(path.toString()).steps()).isEqualTo(path.steps());
    }

    @Test
    void refusesPathsOutsideTheSubset() {
        assertThatThrownBy(() -> JsonPath.parse("a.b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("it must start with $");
        assertThatThrownBy(() -> JsonPath.parse("$..a")).hasMessage("empty name at index 2");
        assertThatThrownBy(() -> JsonPath.parse("$.")).hasMessage("empty name at index 2");
        assertThatThrownBy(() -> JsonPath.parse("$.*")).hasMessage("wildcard at index 2");
        assertThatThrownBy(() -> JsonPath.parse("$.a[*]")).hasMessage("expected an index or a quoted name at index 4");
        assertThatThrownBy(() -> JsonPath.parse("$[-1]")).hasMessage("expected an index or a quoted name at index 2");
        assertThatThrownBy(() -> JsonPath.parse("$.a[")).hasMessage("expected an index or a quoted name at index 4");
        assertThatThrownBy(() -> JsonPath.parse("$['a")).hasMessage("unclosed [' at index 4");
        assertThatThrownBy(() -> JsonPath.parse("$[99999999999]")).hasMessage("index too large at index 2");
        assertThatThrownBy(() -> JsonPath.parse("$a")).hasMessage("unexpected 'a' at index 1");
    }

    @Test
    void selectsFromMapsAndLists() {
        Map<String, Object> tree = Map.of("a", Map.of("b", "x"), "list", List.of(10, Map.of("k", "v")),
                "n", Arrays.asList(1, null));
        assertThat(JsonPath.parse("$").select(tree)).isSameAs(tree);
        assertThat(JsonPath.parse("$.a.b").select(tree)).isEqualTo("x");
        assertThat(JsonPath.parse("$.list[0]").select(tree)).isEqualTo(10);
        assertThat(JsonPath.parse("$['list'][1].k").select(tree)).isEqualTo("v");
        assertThat(JsonPath.parse("$.list[2]").select(tree)).isNull();
        assertThat(JsonPath.parse("$.n[1]").select(tree)).isNull();
        assertThat(JsonPath.parse("$.a[0]").select(tree)).isNull();
        assertThat(JsonPath.parse("$.list.k").select(tree)).isNull();
        assertThat(JsonPath.parse("$.a.b.c").select(tree)).isNull();
        assertThat(JsonPath.parse("$.missing.deep[3]").select(tree)).isNull();
        assertThat(JsonPath.member("a").select(tree)).isEqualTo(Map.of("b", "x"));
    }
}
