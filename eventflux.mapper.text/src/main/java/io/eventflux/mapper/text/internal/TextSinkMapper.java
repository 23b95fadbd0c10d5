package io.eventflux.mapper.text.internal;

import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.SinkMapper;

/**
 * An event as one line of text (a String): the single STRING attribute as it is (NULL is empty), or
 * {@code name=value} pairs joined by {@code ", "} (NULL is an empty value, read back as NULL).
 */
final class TextSinkMapper implements SinkMapper {
    private final String[] names;
    private final boolean single;

    TextSinkMapper(StreamSchema schema, boolean single) {
        this.names = schema.names().toArray(String[]::new);
        this.single = single;
    }

    @Override
    public Object map(Event event) {
        Object[] data = event.data();
        if (single) {
            return data[0] == null ? "" : data[0].toString();
        }
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append('=');
            if (data[i] != null) {
                sb.append(data[i]);
            }
        }
        return sb.toString();
    }
}
