package io.eventflux.mapper.text.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MappingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextMapperTest {
    private static final ConnectorSpec LOG = new ConnectorSpec("app",
            new StreamSchema("Log", List.of(new Attribute("line", AttributeType.STRING))), Map.of());
    private static final ConnectorSpec TRADES = new ConnectorSpec("app", new StreamSchema("Trades", List.of(
            new Attribute("symbol", AttributeType.STRING), new Attribute("price", AttributeType.DOUBLE),
            new Attribute("volume", AttributeType.INT))), Map.of());
    private final TextMapperFactory factory = new TextMapperFactory();

    @Test
    void singleStringAttributeTakesEachLineAsItIs() throws Exception {
        List<Object[]> events = factory.sourceMapper(LOG).map("a=1, b\r\n\n  c \n");
        assertThat(events).extracting(e -> e[0]).containsExactly("a=1, b", "", "  c ");
        assertThat(factory.sourceMapper(LOG).map("x".getBytes(StandardCharsets.UTF_8)).get(0)).containsExactly("x");
        assertThat(factory.sourceMapper(LOG).map("")).isEmpty();
        assertThatThrownBy(() -> factory.sourceMapper(LOG).map(null)).isInstanceOf(MappingException.class)
                .hasMessage("stream Log: null payload");
    }

    @Test
    void keyValuePairsMapByNameWithConversion() throws Exception {
        List<Object[]> events = factory.sourceMapper(TRADES)
                .map("price=1, symbol=IBM, other=x, volume= 7\n\nsymbol=A");
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).containsExactly("IBM", 1.0, 7);
        assertThat(events.get(1)).containsExactly("A", null, null);
    }

    @Test
    void keyValueErrorsNameLineAttributeAndValue() {
        assertThatThrownBy(() -> factory.sourceMapper(TRADES).map("symbol=A\nvolume=x")).isInstanceOf(MappingException.class)
                .hasMessage("stream Trades, line 2: attribute 'volume' (INT): cannot map value 'x'");
        assertThatThrownBy(() -> factory.sourceMapper(TRADES).map("symbol=A, junk"))
                .hasMessage("stream Trades, line 1: expected key=value, found 'junk'");
    }

    @Test
    void sinkWritesTheLineOrPairs() {
        assertThat(factory.sinkMapper(LOG).map(new Event(1, new Object[] {"hello"}))).isEqualTo("hello");
        assertThat(factory.sinkMapper(LOG).map(new Event(1, new Object[] {null}))).isEqualTo("");
        assertThat(factory.sinkMapper(TRADES).map(new Event(1, new Object[] {"IBM", 1.5, null})))
                .isEqualTo("symbol=IBM, price=1.5, volume=");
    }

    @Test
    void keyValueSinkOutputReadsBack() throws Exception {
        Object line = factory.sinkMapper(TRADES).map(new Event(1, new Object[] {"IBM", 1.5, null}));
        assertThat(factory.sourceMapper(TRADES).map(line).get(0)).containsExactly("IBM", 1.5, null);
    }

    @Test
    void declaredAsTheTextMapper() {
        Extension ext = TextMapperFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.MAPPER);
        assertThat(ext.name()).isEqualTo("text");
    }
}
