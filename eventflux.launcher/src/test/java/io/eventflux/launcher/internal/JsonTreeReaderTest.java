package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonTreeReaderTest {
    private final JsonTreeReader reader = new JsonTreeReader(new JsonFactory());

    @Test
    void buildsTheSameTreeAsJacksonDatabind() throws Exception {
        String text = "{\"a\": [1, 5000000000, 123456789012345678901234567890, 1.5, -0.0, \"s\", true, false, null],"
                + " \"b\": {\"c\": {}}, \"d\": []}";

        JsonNode tree = reader.read(text);

        assertThat(tree).isEqualTo(new ObjectMapper().readTree(text));
        assertThat(tree.get("a").get(0).isInt()).isTrue();
        assertThat(tree.get("a").get(1).isLong()).isTrue();
        assertThat(tree.get("a").get(2).bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(tree.get("a").get(3).isDouble()).isTrue();
    }

    @Test
    void rejectsTextThatIsNotExactlyOneJsonValue() {
        assertThatThrownBy(() -> reader.read("{\"a\": 1} 2")).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("unexpected content after the JSON value");
        assertThatThrownBy(() -> reader.read("{\"a\": }")).isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> reader.read("{\"a\": 1")).isInstanceOf(JsonParseException.class);
    }
}
