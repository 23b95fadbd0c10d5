package io.eventflux.mapper.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MappingException;
import io.eventflux.api.io.SinkMapper;
import io.eventflux.api.io.SourceMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvMapperTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades", List.of(
            new Attribute("symbol", AttributeType.STRING), new Attribute("price", AttributeType.DOUBLE),
            new Attribute("volume", AttributeType.INT), new Attribute("ok", AttributeType.BOOL)));

    private final CsvMapperFactory factory = new CsvMapperFactory();

    private static ConnectorSpec spec(String... kv) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        return new ConnectorSpec("app", TRADES, options);
    }

    private SourceMapper source(String... kv) {
        return factory.sourceMapper(spec(kv));
    }

    @Test
    void linesMapByPositionWithTypeConversion() throws Exception {
        List<Object[]> events = source().map("IBM,1,10,true\n\"A,B\",2.5,,FALSE\n\nC\n");
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).containsExactly("IBM", 1.0, 10, true);
        assertThat(events.get(1)).containsExactly("A,B", 2.5, null, false);
        assertThat(events.get(2)).containsExactly("C", null, null, null);
        assertThat(source().map("X,3,4,true".getBytes(StandardCharsets.UTF_8)).get(0)).containsExactly("X", 3.0, 4, true);
    }

    @Test
    void delimiterAndQuoteChar() throws Exception {
        assertThat(source("csv.delimiter", ";", "csv.quote-char", "'").map("'a;b';1.5;2;true").get(0))
                .containsExactly("a;b", 1.5, 2, true);
        assertThat(source("csv.delimiter", "\\t").map("a\t1\t2\tfalse").get(0)).containsExactly("a", 1.0, 2, false);
        assertThatThrownBy(() -> source("csv.delimiter", ";;")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream Trades: option 'csv.delimiter' = ';;' is invalid, expected a single character");
        assertThatThrownBy(() -> source("csv.quote-char", ",")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream Trades: option 'csv.quote-char' = ',' is invalid, expected a character other than the delimiter");
    }

    @Test
    void headerRowMapsByNameAcrossPayloads() throws Exception {
        SourceMapper m = source("csv.has-header", "true");
        assertThat(m.map("volume,ok,symbol,price")).isEmpty();
        assertThat(m.map("5,true,IBM,9.5").get(0)).containsExactly("IBM", 9.5, 5, true);
        assertThat(m.map("6,false,X,1").get(0)).containsExactly("X", 1.0, 6, false);
    }

    @Test
    void aHeaderSentAgainIsSkipped() throws Exception {
        // a file source re-sends the header when it resumes mid-file and after a rotation
        SourceMapper m = source("csv.has-header", "true");
        assertThat(m.map("volume,ok,symbol,price")).isEmpty();
        assertThat(m.map("5,true,IBM,9.5").get(0)).containsExactly("IBM", 9.5, 5, true);
        assertThat(m.map("volume,ok,symbol,price")).isEmpty();
        assertThat(m.map("6,false,X,1").get(0)).containsExactly("X", 1.0, 6, false);
        assertThatThrownBy(() -> m.map("volume,ok,symbol,price,x")).as("another line is data, even if header-like")
                .isInstanceOf(MappingException.class);
        SourceMapper without = source();
        assertThatThrownBy(() -> without.map("symbol,price,volume,ok")).as("without csv.has-header it is data")
                .isInstanceOf(MappingException.class);
    }

    @Test
    void headerNamesAndMappingByIndexOrName() throws Exception {
        SourceMapper m = source("csv.header-names", "a, p, v, s", "csv.mapping.symbol", "s", "csv.mapping.price", "p",
                "csv.mapping.volume", "2", "csv.mapping.ok", "0");
        assertThat(m.map("true,3.5,7,IBM").get(0)).containsExactly("IBM", 3.5, 7, true);
        SourceMapper withRow = source("csv.has-header", "true", "csv.mapping.symbol", "name");
        assertThat(withRow.map("name,price,volume,ok\nZ,1,2,true").get(0)).containsExactly("Z", 1.0, 2, true);
        SourceMapper byIndex = source("csv.mapping.symbol", "3", "csv.mapping.ok", "0");
        assertThat(byIndex.map("true,1,2,S").get(0)).containsExactly("S", 1.0, 2, true);
    }

    @Test
    void headerNamesWithHeaderRowSkipTheRowAndIndexesPastTheRowAreNull() throws Exception {
        SourceMapper m = source("csv.has-header", "true", "csv.header-names", "symbol,volume", "csv.mapping.ok", "9");
        assertThat(m.map("ignored,header,row\nIBM,5")).hasSize(1).first()
                .satisfies(e -> assertThat(e).containsExactly("IBM", null, 5, null));
    }

    @Test
    void mappingErrors() {
        assertThatThrownBy(() -> source("csv.mapping.nope", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream Trades: option 'csv.mapping.nope' names unknown attribute 'nope'; "
                        + "attributes are [symbol, price, volume, ok]");
        assertThatThrownBy(() -> source("csv.header-names", "a,b", "csv.mapping.symbol", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream Trades: option 'csv.mapping.symbol' = 'c' is no column of the header [a, b]");
        assertThatThrownBy(() -> source("csv.mapping.symbol", "c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream Trades: csv.mapping by column name needs csv.has-header or csv.header-names");
        SourceMapper m = source("csv.has-header", "true", "csv.mapping.symbol", "c");
        assertThatThrownBy(() -> m.map("a,b")).isInstanceOf(MappingException.class)
                .hasMessage("stream Trades, line 1: option 'csv.mapping.symbol' = 'c' is no column of the header [a, b]");
    }

    @Test
    void valueErrorsNameLineAttributeAndValue() throws Exception {
        SourceMapper m = source();
        assertThatThrownBy(() -> m.map("A,1,2,true\nB,x,2,true")).isInstanceOf(MappingException.class)
                .hasMessage("stream Trades, line 2: attribute 'price' (DOUBLE): cannot map value 'x'");
        assertThatThrownBy(() -> m.map("C,1,2.5,true"))
                .hasMessage("stream Trades, line 3: attribute 'volume' (INT): cannot map value '2.5'");
        assertThatThrownBy(() -> m.map("C,1,2,yes"))
                .hasMessage("stream Trades, line 4: attribute 'ok' (BOOL): cannot map value 'yes'");
        assertThatThrownBy(() -> m.map("\"unterminated,1")).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("stream Trades, line 5: malformed CSV: ");
        assertThatThrownBy(() -> m.map(null)).hasMessage("stream Trades: null payload");
    }

    @Test
    void sinkWritesOneLineQuotingWhenNeeded() {
        SinkMapper m = factory.sinkMapper(spec());
        assertThat(m.map(new Event(1, new Object[] {"a,b", 1.5, 3, true}))).isEqualTo("\"a,b\",1.5,3,true");
        assertThat(m.map(new Event(1, new Object[] {"x", null, null, false}))).isEqualTo("x,,,false");
        SinkMapper semi = factory.sinkMapper(spec("csv.delimiter", ";", "csv.quote-char", "'"));
        assertThat(semi.map(new Event(1, new Object[] {"a;b", 1.5, 3, true}))).isEqualTo("'a;b';1.5;3;true");
    }

    @Test
    void sinkIncludeHeaderPrefixesTheFirstPayloadOnly() {
        SinkMapper m = factory.sinkMapper(spec("csv.include-header", "true"));
        assertThat(m.map(new Event(1, new Object[] {"a", 1.0, 1, true})))
                .isEqualTo("symbol,price,volume,ok\na,1.0,1,true");
        assertThat(m.map(new Event(2, new Object[] {"b", 2.0, 2, false}))).isEqualTo("b,2.0,2,false");
        assertThatThrownBy(() -> factory.sinkMapper(spec("csv.include-header", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream Trades: option 'csv.include-header' = 'yes' is invalid, expected true or false");
    }

    @Test
    void declaredAsTheCsvMapper() {
        Extension ext = CsvMapperFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.MAPPER);
        assertThat(ext.name()).isEqualTo("csv");
    }
}
