package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventConverterTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final EventConverter converter = new EventConverter();
    private final StreamSchema schema = new StreamSchema("S", List.of(
            new Attribute("symbol", AttributeType.STRING),
            new Attribute("price", AttributeType.DOUBLE),
            new Attribute("volume", AttributeType.LONG),
            new Attribute("n", AttributeType.INT),
            new Attribute("ratio", AttributeType.FLOAT),
            new Attribute("ok", AttributeType.BOOL),
            new Attribute("extra", AttributeType.OBJECT)));

    @Test
    void convertsObjectDataToTheDeclaredTypesWithMissingAttributesNull() throws Exception {
        Object[] values = converter.convert(schema, json("{\"symbol\": \"IBM\", \"price\": 1, \"volume\": 5000000000,"
                + " \"n\": 3.0, \"ratio\": 2, \"ok\": true}"));

        assertThat(values).containsExactly("IBM", 1.0, 5_000_000_000L, 3, 2.0f, true, null);
        assertThat(values[1]).isInstanceOf(Double.class);
        assertThat(values[2]).isInstanceOf(Long.class);
        assertThat(values[3]).isInstanceOf(Integer.class);
        assertThat(values[4]).isInstanceOf(Float.class);
    }

    @Test
    void convertsArrayDataInAttributeOrderAndNullAsNull() throws Exception {
        Object[] values = converter.convert(schema, json("[\"GOOG\", 51, 7, null, 0.5, false, {\"k\": [1, \"x\"]}]"));

        assertThat(values).containsExactly("GOOG", 51.0, 7L, null, 0.5f, false, Map.of("k", List.of(1, "x")));
    }

    @Test
    void rejectsValuesThatDoNotFitNamingStreamAttributeAndValue() {
        assertRejected("{\"price\": \"abc\"}", "attribute 'price' of stream 'S' is DOUBLE, cannot convert \"abc\"");
        assertRejected("{\"n\": 1.5}", "attribute 'n' of stream 'S' is INT, cannot convert 1.5");
        assertRejected("{\"n\": 3000000000}", "attribute 'n' of stream 'S' is INT, cannot convert 3000000000");
        assertRejected("{\"symbol\": 5}", "attribute 'symbol' of stream 'S' is STRING, cannot convert 5");
        assertRejected("{\"ok\": \"yes\"}", "attribute 'ok' of stream 'S' is BOOL, cannot convert \"yes\"");
        assertRejected("{\"pricee\": 1}", "stream 'S' has no attribute 'pricee'");
        assertRejected("[\"A\", 1]", "stream 'S' has 7 attributes");
    }

    private void assertRejected(String data, String message) {
        assertThatThrownBy(() -> converter.convert(schema, json(data)))
                .isInstanceOf(ConversionException.class)
                .hasMessageContaining(message);
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }
}
