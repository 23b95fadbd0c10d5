package io.eventflux.extension.support.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MappingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {
    private final AttributeValues values = new AttributeValues("S", null);

    private static Attribute a(AttributeType t) {
        return new Attribute("a", t);
    }

    @Test
    void textConvertsToEachTypeAndEmptyIsNullExceptForStrings() throws Exception {
        assertThat(values.fromText(a(AttributeType.INT), " 7 ", "")).isEqualTo(7);
        assertThat(values.fromText(a(AttributeType.LONG), "-8", "")).isEqualTo(-8L);
        assertThat(values.fromText(a(AttributeType.FLOAT), "1.5", "")).isEqualTo(1.5f);
        assertThat(values.fromText(a(AttributeType.DOUBLE), "1", "")).isEqualTo(1.0);
        assertThat(values.fromText(a(AttributeType.BOOL), "True", "")).isEqualTo(true);
        assertThat(values.fromText(a(AttributeType.STRING), "", "")).isEqualTo("");
        assertThat(values.fromText(a(AttributeType.OBJECT), "x", "")).isEqualTo("x");
        assertThat(values.fromText(a(AttributeType.INT), " ", "")).isNull();
        assertThat(values.fromText(a(AttributeType.INT), null, "")).isNull();
        assertThatThrownBy(() -> values.fromText(a(AttributeType.LONG), "1.0", ", line 4"))
                .isInstanceOf(MappingException.class)
                .hasMessage("stream S, line 4: attribute 'a' (LONG): cannot map value '1.0'");
    }

    @Test
    void numbersFitIntegerTypesOnlyWhenWholeAndInRange() throws Exception {
        assertThat(values.fromNumber(a(AttributeType.LONG), BigInteger.valueOf(Long.MAX_VALUE), "x", "")).isEqualTo(Long.MAX_VALUE);
        assertThat(values.fromNumber(a(AttributeType.DOUBLE), 3, "3", "")).isEqualTo(3.0);
        assertThat(values.fromNumber(a(AttributeType.STRING), 3, "3", "")).isEqualTo("3");
        assertThat(values.fromNumber(a(AttributeType.OBJECT), 3, "3", "")).isEqualTo(3);
        assertThatThrownBy(() -> values.fromNumber(a(AttributeType.LONG), new BigInteger("99999999999999999999"), "99999999999999999999", ""))
                .hasMessage("stream S: attribute 'a' (LONG): cannot map value '99999999999999999999'");
        assertThatThrownBy(() -> values.fromNumber(a(AttributeType.INT), new BigDecimal("1.0"), "1.0", ""))
                .hasMessage("stream S: attribute 'a' (INT): cannot map value '1.0'");
        assertThatThrownBy(() -> values.fromNumber(a(AttributeType.BOOL), 1, "1", ""))
                .hasMessage("stream S: attribute 'a' (BOOL): cannot map value '1'");
        assertThatThrownBy(() -> values.fromBoolean(a(AttributeType.INT), true, ""))
                .hasMessage("stream S: attribute 'a' (INT): cannot map value 'true'");
    }

    @Test
    void dateFormatAppliesToLongText() throws Exception {
        AttributeValues dates = new AttributeValues("S", "yyyy-MM-dd HH:mm");
        assertThat(dates.fromText(a(AttributeType.LONG), "1970-01-01 00:01", "")).isEqualTo(60_000L);
        assertThat(dates.fromText(a(AttributeType.LONG), "42", "")).isEqualTo(42L);
        assertThatThrownBy(() -> new AttributeValues("S", "{")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsParseBooleansAndCharacters() {
        ConnectorSpec spec = new ConnectorSpec("app", new StreamSchema("S", List.of()),
                Map.of("b", "TRUE", "bad", "1", "c", "\\t", "cc", "ab", "s", ""));
        MapperOptions o = new MapperOptions(spec);
        assertThat(o.bool("b", false)).isTrue();
        assertThat(o.bool("missing", true)).isTrue();
        assertThat(o.character("c", ',')).isEqualTo('\t');
        assertThat(o.character("missing", ',')).isEqualTo(',');
        assertThat(o.string("s")).isNull();
        assertThatThrownBy(() -> o.bool("bad", false))
                .hasMessage("stream S: option 'bad' = '1' is invalid, expected true or false");
        assertThatThrownBy(() -> o.character("cc", ','))
                .hasMessage("stream S: option 'cc' = 'ab' is invalid, expected a single character");
    }
}
