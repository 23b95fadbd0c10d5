package io.eventflux.engine.internal.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades", List.of(new Attribute("sym", AttributeType.STRING),
            new Attribute("qty", AttributeType.INT), new Attribute("price", AttributeType.DOUBLE),
            new Attribute("ok", AttributeType.BOOL)));

    @Test
    void readsEveryJsonValue() {
        assertThat(JsonReader.parse(" {\"a\": [1, -2.5e1, \"x\\n\\u0041\", true, false, null], \"b\": {}} "))
                .isEqualTo(Map.of("a", Arrays.asList(1L, -25.0, "x\nA", true, false, null), "b", Map.of()));
    }

    @Test
    void malformedJsonNamesThePosition() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\": 1,}")).hasMessage("malformed JSON at position 9: expected a quoted attribute name");
        assertThatThrownBy(() -> JsonReader.parse("[1, 2")).hasMessageContaining("expected ']', got the end of input");
        assertThatThrownBy(() -> JsonReader.parse("1 2")).hasMessageContaining("position 3");
    }

    @Test
    void objectsArraysAndListsBecomeEventsOfTheStream() {
        List<Object[]> one = EventValues.events(TRADES, JsonReader.parse("{\"sym\": \"A\", \"price\": 2, \"qty\": 3}"));
        assertThat(one).hasSize(1);
        assertThat(one.get(0)).containsExactly("A", 3, 2.0, null);
        List<Object[]> two = EventValues.events(TRADES, JsonReader.parse("[[\"A\", 1, 1.5, true], {\"sym\": \"B\"}]"));
        assertThat(two).hasSize(2);
        assertThat(two.get(0)).containsExactly("A", 1, 1.5, true);
        assertThat(two.get(1)).containsExactly("B", null, null, null);
    }

    @Test
    void badValuesNameTheStreamAttributeAndValue() {
        assertThatThrownBy(() -> EventValues.events(TRADES, JsonReader.parse("{\"qty\": 1.5}")))
                .hasMessage("stream Trades: attribute 'qty' expects INT, got 1.5 (Double)");
        assertThatThrownBy(() -> EventValues.events(TRADES, JsonReader.parse("{\"quantity\": 1}")))
                .hasMessageContaining("stream Trades has no attribute 'quantity'").hasMessageContaining("qty");
        assertThatThrownBy(() -> EventValues.events(TRADES, JsonReader.parse("[\"A\", 1]")))
                .hasMessageContaining("stream Trades expects 4 value(s)");
        assertThatThrownBy(() -> EventValues.events(TRADES, JsonReader.parse("{\"sym\": 7}")))
                .hasMessage("stream Trades: attribute 'sym' expects STRING, got 7 (Long)");
    }
}
