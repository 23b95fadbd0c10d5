package io.eventflux.launcher.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes emitted events as JSON Lines, one line per event:
 * {@code {"ts":1000,"stream":"Out","data":{"symbol":"IBM","avg":75.5}}}, plus {@code "expired":true}
 * for an expired event. Attribute names come from the stream's schema; INT/LONG values are written as
 * JSON integers, FLOAT/DOUBLE as JSON numbers with a fraction ({@code 151.0}), NULL as null.
 *
 * <p>Thread-safe: callbacks of several streams (or a ring's consumer thread) may write concurrently;
 * each event is one whole line.
 */
final class EventLineWriter implements AutoCloseable {
    private final Writer out;
    private final JsonFactory json;
    private final boolean flushEachChunk;

    /**
     * @param out where the lines go; closed by {@link #close()} unless it is standard output
     * @param flushEachChunk true to flush after every chunk (interactive {@code run}), false to
     *        flush only at the end (replay)
     */
    EventLineWriter(Writer out, JsonFactory json, boolean flushEachChunk) {
        this.out = out;
        this.json = json;
        this.flushEachChunk = flushEachChunk;
    }

    /** Writes one chunk of events emitted into a stream. */
    private boolean first = true;

    synchronized void write(StreamSchema schema, List<Event> events) {
        if (first) {
            first = false;
            Cli.TRACE.mark("first output");
        }
        try {
            for (Event event : events) {
                writeEvent(schema, event);
            }
            if (flushEachChunk) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private void writeEvent(StreamSchema schema, Event event) throws IOException {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            g.writeStartObject();
            g.writeNumberField("ts", event.timestamp());
            g.writeStringField("stream", schema.name());
            g.writeObjectFieldStart("data");
            Object[] data = event.data();
            int n = Math.min(schema.size(), data.length);
            for (int i = 0; i < n; i++) {
                Attribute attribute = schema.attribute(i);
                g.writeFieldName(attribute.name());
                writeValue(g, attribute.type(), data[i]);
            }
            g.writeEndObject();
            if (event.isExpired()) {
                g.writeBooleanField("expired", true);
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeValue(JsonGenerator g, AttributeType type, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Number number) {
            writeNumber(g, type, number);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof CharSequence s) {
            g.writeString(s.toString());
        } else {
            g.writeString(String.valueOf(value));
        }
    }

    private static void writeNumber(JsonGenerator g, AttributeType type, Number number) throws IOException {
        if (type == AttributeType.DOUBLE) {
            g.writeNumber(number.doubleValue());
        } else if (type == AttributeType.FLOAT) {
            g.writeNumber(number.floatValue());
        } else if (type == AttributeType.INT || type == AttributeType.LONG) {
            g.writeNumber(number.longValue());
        } else if (number instanceof Double || number instanceof Float) {
            g.writeNumber(number.doubleValue());
        } else if (number instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (number instanceof BigInteger i) {
            g.writeNumber(i);
        } else {
            g.writeNumber(number.longValue());
        }
    }
}
