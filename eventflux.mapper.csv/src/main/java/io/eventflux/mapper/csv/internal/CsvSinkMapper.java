package io.eventflux.mapper.csv.internal;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.SinkMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * An event as one CSV line (a String without line separator), columns in schema order. With
 * {@code csv.include-header} the first payload is the header line, a newline, then the first event's line.
 * One thread at a time.
 */
final class CsvSinkMapper implements SinkMapper {
    private final CsvFactory csv;
    private final CsvSchema rows;
    private final String[] names;
    private boolean headerPending;

    CsvSinkMapper(CsvFactory csv, CsvFormat format, StreamSchema schema, boolean includeHeader) {
        this.csv = csv;
        CsvSchema.Builder b = CsvSchema.builder();
        schema.names().forEach(b::addColumn);
        this.rows = format.apply(b.build()).withLineSeparator("\n").withoutHeader();
        this.names = schema.names().toArray(String[]::new);
        this.headerPending = includeHeader;
    }

    @Override
    public Object map(Event event) {
        StringWriter w = new StringWriter(64);
        try (CsvGenerator g = (CsvGenerator) csv.createGenerator(w)) {
            g.setSchema(headerPending ? rows.withHeader() : rows);
            headerPending = false;
            g.writeStartObject();
            Object[] data = event.data();
            for (int i = 0; i < names.length; i++) {
                g.writeFieldName(names[i]);
                Object v = i < data.length ? data[i] : null;
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof Number || v instanceof Boolean) {
                    g.writeNumber(v.toString());
                } else {
                    g.writeString(v.toString());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        String s = w.toString();
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
