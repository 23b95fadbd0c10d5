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
        assertThatThrownBy(() -> source("{\"a\": \"x\"}", "json.mapping.price", "$.a.sum()"))
                .isInstanceOf(MappingException.class)
                .hasMessage("stream Trades: option 'json.mapping.price' = '$.a.sum()' cannot be evaluated: "
                        + "Aggregation function attempted to calculate value using empty array");
        assertThat(source("[{\"a\": \"x\"}, {\"a\": [1, 2]}]", "json.mapping.price", "$.a.sum()",
                "json.ignore-parse-errors", "true")).extracting(e -> e[1]).containsExactly(3.0);
        assertThatThrownBy(() -> source("{}", "json.mapping.nope", "$.a"))
                .hasMessage("stream Trades: option 'json.mapping.nope' names unknown attribute 'nope'; "
                        + "attributes are [symbol, price, volume, ts, ok, f]");
    }

    @Test
    void invalidPathIsAnErrorAtMapperCreationNamingStreamAttributeAndPath() {
        for (String bad : List.of("$a", "$..", "$.a[?(@.b ==]", "$['a", " ")) {
            assertThatThrownBy(() -> factory.sourceMapper(spec(TRADES, "json.mapping.price", bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("stream Trades: option 'json.mapping.price' = '" + bad
                            + "' is not a valid JSONPath: ");
        }
        assertThatThrownBy(() -> factory.sourceMapper(spec(TRADES, "json.mapping.price", "$['a")))
                .hasMessage("stream Trades: option 'json.mapping.price' = '$['a' is not a valid JSONPath: "
                        + "Property has not been closed - missing closing '");
        assertThatThrownBy(() -> factory.sourceMapper(spec(TRADES, "json.enclosing-element", "$.[")))
                .hasMessageStartingWith("stream Trades: option 'json.enclosing-element' = '$.[' is not a valid JSONPath: ");
    }

    @Test
    void deepPathsAndPathsWithoutDollarStartAtTheEvent() throws Exception {
        String doc = "{\"order\": {\"lines\": [{\"item\": {\"sku\": \"A1\", \"qty\": 3}}], \"meta\": {\"a\": {\"b\":"
                + " {\"c\": {\"d\": 9.5}}}}}}";
        Object[] e = source(doc, "json.mapping.symbol", "$.order.lines[0].item.sku", "json.mapping.price",
                "$['order']['meta'].a.b.c.d", "json.mapping.volume", "order.lines[0].item.qty").get(0);
        assertThat(e).containsExactly("A1", 9.5, 3, null, null, null);
    }

    @Test
    void missingPathsAreNull() throws Exception {
        Object[] e = source("{\"a\": {\"b\": [1]}, \"s\": \"x\"}", "json.mapping.symbol", "$.a.nope.deeper",
                "json.mapping.price", "$.a.b[5]", "json.mapping.volume", "$.s.t", "json.mapping.ts", "$.a.b[?(@ > 5)]",
                "json.mapping.ok", "$..nowhere", "json.mapping.f", "$.nope[*].x").get(0);
        assertThat(e).containsExactly(null, null, null, null, null, null);
    }

    @Test
    void wildcardsDeepScanAndFiltersTakeTheirOnlyMatch() throws Exception {
        String doc = "{\"quotes\": [{\"venue\": \"X\", \"bid\": 1.5, \"size\": 10}, {\"venue\": \"Y\", \"bid\": 2.5,"
                + " \"size\": 20}], \"header\": {\"instrument\": {\"symbol\": \"IBM\"}}, \"flags\": {\"x\": true}}";
        Object[] e = source(doc, "json.mapping.symbol", "$..symbol", "json.mapping.price", "$.quotes[?(@.venue == 'Y')].bid",
                "json.mapping.volume", "$.quotes[?(@.bid > 2 && @.size >= 20)].size", "json.mapping.ok", "$.flags.*",
                "json.mapping.ts", "$.quotes.length()", "json.mapping.f", "$.quotes[-1:].bid").get(0);
        assertThat(e).containsExactly("IBM", 2.5, 20, 2L, true, 2.5f);
        // functions over indefinite paths give one value (Jayway's aggregations are doubles)
        Object[] f = source(doc, "json.mapping.price", "$..bid.sum()", "json.mapping.f", "$.max($.quotes[*].bid)",
                "json.mapping.volume", "$.quotes.length()").get(0);
        assertThat(f).containsExactly(null, 4.0, 2, null, null, 2.5f);
    }

    @Test
    void severalMatchesFillAnObjectAttributeAndAreAnErrorForOthers() throws Exception {
        StreamSchema s = new StreamSchema("S", List.of(new Attribute("all", AttributeType.OBJECT),
                new Attribute("one", AttributeType.DOUBLE)));
        String doc = "{\"q\": [{\"p\": 1.5}, {\"p\": 2}, {\"x\": 0}]}";
        Object[] e = factory.sourceMapper(spec(s, "json.mapping.all", "$.q[*].p", "json.mapping.one", "$.q[?(@.p < 2)].p"))
                .map(doc).get(0);
        assertThat(e[0]).isEqualTo(List.of(1.5, 2));
        assertThat(e[1]).isEqualTo(1.5);
        assertThat(factory.sourceMapper(spec(s, "json.mapping.all", "$.q[?(@.p > 5)]")).map(doc).get(0)[0])
                .isEqualTo(List.of());
        assertThatThrownBy(() -> factory.sourceMapper(spec(s, "json.mapping.one", "$..p")).map(doc))
                .isInstanceOf(MappingException.class)
                .hasMessage("stream S: attribute 'one' (DOUBLE): path '$..p' matches 2 values [1.5, 2], expected one");
        assertThat(factory.sourceMapper(spec(s, "json.mapping.one", "$..p", "json.ignore-parse-errors", "true"))
                .map("[" + doc + ", {\"p\": 4}]")).extracting(d -> d[1]).containsExactly(4.0);
    }

    @Test
    void filterWithJsonLiteralsAndExistenceChecks() throws Exception {
        // the two filter forms Jayway evaluates with json-smart whatever the provider: it must be there
        String doc = "{\"q\": [{\"s\": \"A\", \"tags\": [\"x\"]}, {\"s\": \"B\", \"p\": 3, \"tags\": [\"y\", \"z\"]}]}";
        assertThat(source(doc, "json.mapping.symbol", "$.q[?(@.s in ['B', 'C'])].s").get(0)[0]).isEqualTo("B");
        assertThat(source(doc, "json.mapping.symbol", "$.q[?(@.p)].s").get(0)[0]).isEqualTo("B");
        assertThat(source(doc, "json.mapping.symbol", "$.q[?(@.tags == ['x'])].s").get(0)[0]).isEqualTo("A");
    }

    @Test
    void topLevelArrayIsOneEventPerObjectWithPathsFromEachObject() throws Exception {
        List<Object[]> events = source("[{\"s\": {\"id\": \"A\"}}, {\"s\": {\"id\": \"B\"}}]", "json.mapping.symbol", "$.s.id");
        assertThat(events).extracting(e -> e[0]).containsExactly("A", "B");
        assertThatThrownBy(() -> source("[{}, 1]", "json.mapping.symbol", "$.s"))
                .hasMessage("stream Trades: expected a JSON object or an array of objects, found 1");
    }

    @Test
    void enclosingElementSelectsTheEventsInsideAnEnvelope() throws Exception {
        String doc = "{\"batch\": 7, \"data\": {\"trades\": [{\"sym\": \"A\", \"price\": 1}, {\"sym\": \"B\", \"price\": 2}]}}";
        List<Object[]> events = source(doc, "json.enclosing-element", "$.data.trades", "json.mapping.symbol", "$.sym");
        assertThat(events).extracting(e -> e[0]).containsExactly("A", "B");
        assertThat(events).extracting(e -> e[1]).containsExactly(1.0, 2.0); // unmapped attributes by name
        // without json.mapping: attributes by name in each enclosed object
        assertThat(source("{\"one\": {\"symbol\": \"C\"}}", "json.enclosing-element", "$.one"))
                .extracting(e -> e[0]).containsExactly("C");
        // an indefinite path: every match, arrays flattened one level
        assertThat(source("{\"b\": [{\"t\": [{\"symbol\": \"D\"}, {\"symbol\": \"E\"}]}, {\"t\": [{\"symbol\": \"F\"}]}]}",
                "json.enclosing-element", "$.b[*].t")).extracting(e -> e[0]).containsExactly("D", "E", "F");
        assertThat(source("[{\"symbol\": \"G\", \"ok\": true}, {\"symbol\": \"H\", \"ok\": false}]",
                "json.enclosing-element", "$[?(@.ok == true)]")).extracting(e -> e[0]).containsExactly("G");
        assertThat(source("{\"data\": {\"trades\": []}}", "json.enclosing-element", "$.data.trades")).isEmpty();
    }

    @Test
    void enclosingElementErrors() throws Exception {
        assertThatThrownBy(() -> source("{\"x\": 1}", "json.enclosing-element", "$.data"))
                .isInstanceOf(MappingException.class)
                .hasMessage("stream Trades: json.enclosing-element '$.data' matches nothing in the payload");
        assertThatThrownBy(() -> source("{\"data\": [{\"symbol\": \"A\"}, 3]}", "json.enclosing-element", "$.data"))
                .hasMessage("stream Trades: json.enclosing-element holds '3' where an event object was expected");
        assertThatThrownBy(() -> source("{\"data\": [{}] } x", "json.enclosing-element", "$.data"))
                .hasMessageStartingWith("stream Trades: malformed JSON: ");
        List<Object[]> kept = source("{\"data\": [{\"symbol\": \"A\"}, 3, {\"volume\": \"x\"}, {\"symbol\": \"B\"}]}",
                "json.enclosing-element", "$.data", "json.ignore-parse-errors", "true");
        assertThat(kept).extracting(e -> e[0]).containsExactly("A", "B");
        assertThat(source("{\"x\": 1}", "json.enclosing-element", "$.data", "json.ignore-parse-errors", "true")).isEmpty();
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
