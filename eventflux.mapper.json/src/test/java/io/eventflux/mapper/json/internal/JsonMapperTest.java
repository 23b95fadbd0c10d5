package io.eventflux.mapper.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.MappingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMapperTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades", List.of(
            new Attribute("symbol", AttributeType.STRING), new Attribute("price", AttributeType.DOUBLE),
            new Attribute("volume", AttributeType.INT), new Attribute("ts", AttributeType.LONG),
            new Attribute("ok", AttributeType.BOOL), new Attribute("f", AttributeType.FLOAT)));

    private final JsonMapperFactory factory = new JsonMapperFactory();

    private static ConnectorSpec spec(StreamSchema schema, String... kv) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        return new ConnectorSpec("app", schema, options);
    }

    private List<Object[]> source(String payload, String... kv) throws MappingException {
        return factory.sourceMapper(spec(TRADES, kv)).map(payload);
    }

    @Test
    void objectMapsByNameConvertingNumbersAndSkippingUnknownFields() throws Exception {
        List<Object[]> events = source(
                "{\"volume\": 10, \"price\": 1, \"symbol\": \"IBM\", \"extra\": {\"a\": [1, 2]}, \"ts\": 5,"
                        + " \"ok\": true, \"f\": 2.5}");
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsExactly("IBM", 1.0, 10, 5L, true, 2.5f);
    }

    @Test
    void missingAttributesAndNullAreNull() throws Exception {
        assertThat(source("{\"symbol\": null, \"price\": 2.5}").get(0))
                .containsExactly(null, 2.5, null, null, null, null);
    }

    @Test
    void arrayOfObjectsIsSeveralEventsAndBytesAreAccepted() throws Exception {
        List<Object[]> events = factory.sourceMapper(spec(TRADES))
                .map("[{\"symbol\": \"A\"}, {\"symbol\": \"B\"}]".getBytes(StandardCharsets.UTF_8));
        assertThat(events).extracting(e -> e[0]).containsExactly("A", "B");
        assertThat(source("[]")).isEmpty();
    }

    @Test
    void numericAndBooleanStringsAreConverted() throws Exception {
        assertThat(source("{\"price\": \"3.5\", \"volume\": \"7\", \"ok\": \"FALSE\", \"symbol\": 12}").get(0))
                .containsExactly("12", 3.5, 7, null, false, null);
    }

    @Test
    void valueThatDoesNotFitNamesStreamAttributeAndValue() {
        assertThatThrownBy(() -> source("{\"volume\": 1.5}")).isInstanceOf(MappingException.class)
                .hasMessage("stream Trades: attribute 'volume' (INT): cannot map value '1.5'");
        assertThatThrownBy(() -> source("{\"volume\": 3000000000}"))
                .hasMessage("stream Trades: attribute 'volume' (INT): cannot map value '3000000000'");
        assertThatThrownBy(() -> source("{\"price\": \"abc\"}"))
                .hasMessage("stream Trades: attribute 'price' (DOUBLE): cannot map value 'abc'");
        assertThatThrownBy(() -> source("{\"ok\": 1}"))
                .hasMessage("stream Trades: attribute 'ok' (BOOL): cannot map value '1'");
        assertThatThrownBy(() -> source("{\"price\": true}"))
                .hasMessage("stream Trades: attribute 'price' (DOUBLE): cannot map value 'true'");
        assertThatThrownBy(() -> source("{\"symbol\": {\"x\": 1}}"))
                .hasMessage("stream Trades: attribute 'symbol' (STRING): cannot map value '{...}'");
        assertThatThrownBy(() -> source("{\"symbol\": [1]}"))
                .hasMessage("stream Trades: attribute 'symbol' (STRING): cannot map value '[...]'");
    }

    @Test
    void objectAttributeTakesNestedStructures() throws Exception {
        StreamSchema s = new StreamSchema("S", List.of(new Attribute("o", AttributeType.OBJECT)));
        Object[] e = factory.sourceMapper(spec(s)).map("{\"o\": {\"a\": [1, \"x\", true, null, 2.5]}}").get(0);
        assertThat(e[0]).isEqualTo(Map.of("a", java.util.Arrays.asList(1, "x", true, null, 2.5)));
    }

    @Test
    void malformedOrNonObjectPayloadsAreErrors() {
        assertThatThrownBy(() -> source("{\"symbol\": ")).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("stream Trades: malformed JSON: Unexpected end-of-input");
        assertThatThrownBy(() -> source("42"))
                .hasMessage("stream Trades: expected a JSON object or an array of objects, found 42");
        assertThatThrownBy(() -> source("[{}, 1]"))
                .hasMessage("stream Trades: expected a JSON object or an array of objects, found 1");
        assertThatThrownBy(() -> source(""))
                .hasMessage("stream Trades: expected a JSON object or an array of objects, found nothing");
        assertThatThrownBy(() -> source("{} {}"))
                .hasMessage("stream Trades: malformed JSON: more than one value in the payload");
        assertThatThrownBy(() -> factory.sourceMapper(spec(TRADES)).map(null))
                .hasMessage("stream Trades: null payload");
    }

    @Test
    void ignoreParseErrorsSkipsMalformedPayloadsAndEventsThatDoNotFit() throws Exception {
        assertThat(source("{\"symbol\": ", "json.ignore-parse-errors", "true")).isEmpty();
        List<Object[]> events = source("[{\"symbol\": \"A\"}, {\"volume\": \"x\", \"symbol\": \"B\"}, {\"symbol\": \"C\"}]",
                "json.ignore-parse-errors", "true");
        assertThat(events).extracting(e -> e[0]).containsExactly("A", "C");
        assertThatThrownBy(() -> source("{}", "json.ignore-parse-errors", "maybe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream Trades: option 'json.ignore-parse-errors' = 'maybe' is invalid, expected true or false");
    }

    @Test
    void dateFormatParsesLongAttributesGivenAsDates() throws Exception {
        assertThat(source("{\"ts\": \"2024-01-02 03:04:05\"}", "json.date-format", "yyyy-MM-dd HH:mm:ss").get(0)[3])
                .isEqualTo(1704164645000L);
        assertThat(source("{\"ts\": \"2024-01-02\"}", "json.date-format", "yyyy-MM-dd").get(0)[3])
                .isEqualTo(1704153600000L);
        assertThat(source("{\"ts\": \"2024-01-02T03:04:05.250+01:00\"}", "json.date-format",
                "yyyy-MM-dd'T'HH:mm:ss.SSSXXX").get(0)[3]).isEqualTo(1704161045250L);
        assertThat(source("{\"ts\": 17}", "json.date-format", "yyyy-MM-dd").get(0)[3]).isEqualTo(17L);
        assertThatThrownBy(() -> source("{\"ts\": \"02/01/2024\"}", "json.date-format", "yyyy-MM-dd"))
                .hasMessage("stream Trades: attribute 'ts' (LONG): cannot map value '02/01/2024'");
        assertThatThrownBy(() -> source("{}", "json.date-format", "yyyy-MM-dd {"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("stream Trades: option 'json.date-format' = "
                        + "'yyyy-MM-dd {' is invalid, expected a java.time.format.DateTimeFormatter pattern");
    }

    @Test
    void jsonMappingPicksValuesByPath() throws Exception {
        List<Object[]> events = source("[{\"sym\": {\"id\": \"IBM\"}, \"p\": [1, 2.5], \"volume\": 4, \"f\": {\"x y\": 1}},"
                        + " {\"volume\": 5}]",
                "json.mapping.symbol", "$.sym.id", "json.mapping.price", "$.p[1]", "json.mapping.f", "$.f['x y']",
                "json.mapping.ok", "$.missing.deep[3]");
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).containsExactly("IBM", 2.5, 4, null, null, 1.0f);
        assertThat(events.get(1)).containsExactly(null, null, 5, null, null, null);
        StreamSchema s = new StreamSchema("S", List.of(new Attribute("o", AttributeType.OBJECT)));
        assertThat(factory.sourceMapper(spec(s, "json.mapping.o", "$[\"a\"]")).map("{\"a\": [true]}").get(0)[0])
                .isEqualTo(List.of(true));
    }

    @Test
    void jsonMappingErrors() throws Exception {
        assertThatThrownBy(() -> source("{\"p\": {\"a\": 1}}", "json.mapping.price", "$.p"))
                .isInstanceOf(MappingException.class)
                .hasMessage("stream Trades: attribute 'price' (DOUBLE): cannot map value '{...}'");
        assertThatThrownBy(() -> source("{\"p\": \"x\"}", "json.mapping.price", "$.p"))
                .hasMessage("stream Trades: attribute 'price' (DOUBLE): cannot map value 'x'");
        assertThat(source("[{\"p\": \"x\"}, {\"p\": 2}]", "json.mapping.price", "$.p", "json.ignore-parse-errors", "true"))
                .extracting(e -> e[1]).containsExactly(2.0);
        assertThatThrownBy(() -> source("{}", "json.mapping.price", "$..p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream Trades: option 'json.mapping.price' = '$..p' is invalid: "
                        + "only $.name, ['name'] and [index] steps are supported");
        assertThatThrownBy(() -> source("{}", "json.mapping.price", "p"))
                .hasMessage("stream Trades: option 'json.mapping.price' = 'p' is invalid: a path starts with $");
        assertThatThrownBy(() -> source("{}", "json.mapping.price", "$.a[*]"))
                .hasMessage("stream Trades: option 'json.mapping.price' = '$.a[*]' is invalid: "
                        + "only $.name, ['name'] and [index] steps are supported");
        assertThatThrownBy(() -> source("{}", "json.mapping.nope", "$.a"))
                .hasMessage("stream Trades: option 'json.mapping.nope' names unknown attribute 'nope'; "
                        + "attributes are [symbol, price, volume, ts, ok, f]");
    }

    @Test
    void sinkWritesOneObjectWithSchemaNames() {
        Object out = factory.sinkMapper(spec(TRADES))
                .map(new Event(1, new Object[] {"I\"BM", 1.5, 3, 7L, true, null}));
        assertThat(out).isEqualTo("{\"symbol\":\"I\\\"BM\",\"price\":1.5,\"volume\":3,\"ts\":7,\"ok\":true,\"f\":null}");
        StreamSchema s = new StreamSchema("S", List.of(new Attribute("o", AttributeType.OBJECT)));
        assertThat(factory.sinkMapper(spec(s)).map(new Event(1, new Object[] {Map.of("a", List.of(1, "x"))})))
                .isEqualTo("{\"o\":{\"a\":[1,\"x\"]}}");
    }

    @Test
    void sinkPrettyPrints() {
        StreamSchema s = new StreamSchema("S", List.of(new Attribute("a", AttributeType.INT)));
        assertThat(factory.sinkMapper(spec(s, "json.pretty-print", "true")).map(new Event(1, new Object[] {1})))
                .isEqualTo("{\n  \"a\" : 1\n}");
    }

    @Test
    void sinkTemplateReplacesPlaceholders() {
        Object out = factory.sinkMapper(spec(TRADES, "json.template", "{\"s\":\"{{symbol}}\",\"p\":{{ price }},\"n\":{{f}}}"))
                .map(new Event(1, new Object[] {"a\"b", 2.5, 3, 7L, true, null}));
        assertThat(out).isEqualTo("{\"s\":\"a\\\"b\",\"p\":2.5,\"n\":null}");
        assertThatThrownBy(() -> factory.sinkMapper(spec(TRADES, "json.template", "{{nope}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream Trades: json.template names unknown attribute 'nope'; attributes are "
                        + "[symbol, price, volume, ts, ok, f]");
    }

    @Test
    void declaredAsTheJsonMapper() {
        assertThat(factory).isInstanceOf(MapperFactory.class);
        Extension ext = JsonMapperFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.MAPPER);
        assertThat(ext.name()).isEqualTo("json");
    }
}
