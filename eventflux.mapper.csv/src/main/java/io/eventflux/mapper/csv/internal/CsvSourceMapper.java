package io.eventflux.mapper.csv.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.MappingException;
import io.eventflux.api.io.SourceMapper;
import io.eventflux.extension.support.mapper.AttributeValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV line, or several, per payload; each line is one event. Line numbers count the records this
 * mapper has read (header included, blank lines skipped and not counted), across payloads, so a source
 * that delivers one line per payload gets the line of the file. With {@code csv.has-header} the first line read is the header,
 * and a later line equal to it is skipped: a source re-sends the header when it resumes in the middle of a file or
 * opens the next file after a rotation, and one line per payload cannot tell a header from data otherwise. One
 * thread at a time, like the source that owns it.
 */
final class CsvSourceMapper implements SourceMapper {
    private final CsvFactory csv;
    private final CsvSchema csvSchema;
    private final StreamSchema schema;
    private final ColumnLayout layout;
    private final AttributeValues values;
    private boolean awaitingHeader;
    private List<String> headerRow; // the header line read (csv.has-header), to skip when it comes again
    private int[] columns; // null until the header is known
    private long line; // the number of the current record
    private final List<String> row = new ArrayList<>();

    CsvSourceMapper(CsvFactory csv, CsvFormat format, StreamSchema schema, ColumnLayout layout, boolean hasHeader,
            AttributeValues values) {
        this.csv = csv;
        this.csvSchema = format.apply(CsvSchema.emptySchema());
        this.schema = schema;
        this.layout = layout;
        this.values = values;
        this.awaitingHeader = hasHeader;
        List<String> configured = layout.configuredHeader();
        if (configured != null) {
            columns = layout.columns(configured);
        } else if (!hasHeader) {
            if (layout.needsHeader()) {
                throw new IllegalArgumentException("stream " + schema.name()
                        + ": csv.mapping by column name needs csv.has-header or csv.header-names");
            }
            columns = layout.columns(null);
        }
    }

    @Override
    public List<Object[]> map(Object payload) throws MappingException {
        List<Object[]> out = new ArrayList<>(1);
        boolean inRow = false;
        try (CsvParser p = open(payload)) {
            p.setSchema(csvSchema);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                line++;
                inRow = true;
                row.clear();
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    row.add(p.getText());
                }
                inRow = false;
                if (awaitingHeader) {
                    awaitingHeader = false;
                    headerRow = List.copyOf(row);
                    if (columns == null) {
                        header();
                    }
                    continue;
                }
                if (row.equals(headerRow)) {
                    continue;
                }
                out.add(event());
            }
        } catch (StreamReadException e) {
            if (!inRow) {
                line++;
            }
            throw new MappingException("stream " + schema.name() + ", line " + line + ": malformed CSV: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MappingException("stream " + schema.name() + ": cannot read the payload: " + e.getMessage(), e);
        }
        return out;
    }

    private CsvParser open(Object payload) throws IOException, MappingException {
        if (payload instanceof byte[] bytes) {
            return (CsvParser) csv.createParser(bytes);
        }
        if (payload == null) {
            throw new MappingException("stream " + schema.name() + ": null payload");
        }
        return (CsvParser) csv.createParser(payload instanceof String s ? s : payload.toString());
    }

    private void header() throws MappingException {
        try {
            columns = layout.columns(headerRow);
        } catch (IllegalArgumentException e) {
            throw new MappingException("stream " + schema.name() + ", line " + line + ": " + e.getMessage()
                    .substring(("stream " + schema.name() + ": ").length()));
        }
    }

    private Object[] event() throws MappingException {
        Object[] data = new Object[columns.length];
        String where = ", line " + line;
        for (int i = 0; i < columns.length; i++) {
            int c = columns[i];
            data[i] = c >= 0 && c < row.size() ? values.fromText(schema.attribute(i), row.get(c), where) : null;
        }
        return data;
    }
}
