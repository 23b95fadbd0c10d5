package io.eventflux.mapper.text.internal;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.MappingException;
import io.eventflux.api.io.SourceMapper;
import io.eventflux.extension.support.mapper.AttributeValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Each non-blank line is one event of comma-separated {@code key=value} pairs ({@code symbol=IBM, price=1.5}):
 * keys are attribute names, unknown keys are ignored, missing attributes are NULL. Line numbers count the
 * lines of the payload.
 */
final class KeyValueSourceMapper implements SourceMapper {
    private final StreamSchema schema;
    private final AttributeValues values;

    KeyValueSourceMapper(StreamSchema schema, AttributeValues values) {
        this.schema = schema;
        this.values = values;
    }

    @Override
    public List<Object[]> map(Object payload) throws MappingException {
        List<String> lines = Lines.of(schema.name(), payload);
        List<Object[]> out = new ArrayList<>(lines.size());
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (!line.isBlank()) {
                out.add(event(line, ", line " + (n + 1)));
            }
        }
        return out;
    }

    private Object[] event(String line, String where) throws MappingException {
        Object[] data = new Object[schema.size()];
        for (String pair : line.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new MappingException("stream " + schema.name() + where + ": expected key=value, found '"
                        + pair.trim() + "'");
            }
            int index = schema.indexOf(pair.substring(0, eq).trim());
            if (index >= 0) {
                data[index] = values.fromText(schema.attribute(index), pair.substring(eq + 1).trim(), where);
            }
        }
        return data;
    }
}
