package io.eventflux.mapper.bytes.internal;

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

class BytesMapperTest {
    private static final ConnectorSpec RAW = new ConnectorSpec("app",
            new StreamSchema("Raw", List.of(new Attribute("payload", AttributeType.OBJECT))), Map.of());
    private final BytesMapperFactory factory = new BytesMapperFactory();

    @Test
    void sourcePassesThePayloadAsItIs() throws Exception {
        byte[] bytes = {1, 2, 3};
        List<Object[]> events = factory.sourceMapper(RAW).map(bytes);
        assertThat(events).hasSize(1);
        assertThat(events.get(0)[0]).isSameAs(bytes);
        assertThat(factory.sourceMapper(RAW).map("text").get(0)).containsExactly("text");
        assertThatThrownBy(() -> factory.sourceMapper(RAW).map(null)).isInstanceOf(MappingException.class)
                .hasMessage("stream Raw: null payload");
    }

    @Test
    void sinkSendsBytesAsTheyAreAndOtherValuesAsUtf8() {
        byte[] bytes = {4, 5};
        assertThat(factory.sinkMapper(RAW).map(new Event(1, new Object[] {bytes}))).isSameAs(bytes);
        assertThat((byte[]) factory.sinkMapper(RAW).map(new Event(1, new Object[] {"é"})))
                .isEqualTo("é".getBytes(StandardCharsets.UTF_8));
        assertThat((byte[]) factory.sinkMapper(RAW).map(new Event(1, new Object[] {null}))).isEmpty();
    }

    @Test
    void schemaMustBeOneObjectAttribute() {
        ConnectorSpec two = new ConnectorSpec("app", new StreamSchema("S", List.of(
                new Attribute("a", AttributeType.OBJECT), new Attribute("b", AttributeType.INT))), Map.of());
        assertThatThrownBy(() -> factory.sourceMapper(two)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream S: the bytes mapper needs exactly one OBJECT attribute, found [a OBJECT, b INT]");
        ConnectorSpec str = new ConnectorSpec("app", new StreamSchema("S", List.of(
                new Attribute("a", AttributeType.STRING))), Map.of());
        assertThatThrownBy(() -> factory.sinkMapper(str)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream S: the bytes mapper needs exactly one OBJECT attribute, found [a STRING]");
    }

    @Test
    void declaredAsTheBytesMapper() {
        Extension ext = BytesMapperFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.MAPPER);
        assertThat(ext.name()).isEqualTo("bytes");
    }
}
