package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLineWriterTest {
    private final StreamSchema out = new StreamSchema("Out", List.of(
            new Attribute("symbol", AttributeType.STRING),
            new Attribute("doubled", AttributeType.DOUBLE),
            new Attribute("n", AttributeType.LONG),
            new Attribute("f", AttributeType.FLOAT),
            new Attribute("ok", AttributeType.BOOL)));

    @Test
    void writesOneJsonLinePerEventWithTypedNumbersNullsAndExpiredFlag() throws Exception {
        StringWriter text = new StringWriter();
        try (EventLineWriter writer = new EventLineWriter(text, new JsonFactory(), false)) {
            writer.write(out, List.of(
                    new Event(1000, new Object[] {"IBM", 151.0, 3L, 1.5f, true}),
                    new Event(1002, new Object[] {"say \"hi\"", 102, 7, null, null}, true)));
        }

        assertThat(text.toString()).isEqualTo(
                "{\"ts\":1000,\"stream\":\"Out\",\"data\":{\"symbol\":\"IBM\",\"doubled\":151.0,\"n\":3,\"f\":1.5,\"ok\":true}}\n"
                + "{\"ts\":1002,\"stream\":\"Out\",\"data\":{\"symbol\":\"say \\\"hi\\\"\",\"doubled\":102.0,\"n\":7,"
                + "\"f\":null,\"ok\":null},\"expired\":true}\n");
    }
}
