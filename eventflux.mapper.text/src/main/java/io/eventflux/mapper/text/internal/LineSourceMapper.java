package io.eventflux.mapper.text.internal;

import io.eventflux.api.io.MappingException;
import io.eventflux.api.io.SourceMapper;
import java.util.ArrayList;
import java.util.List;

/** Each line, as it is, is the single STRING attribute of one event. */
final class LineSourceMapper implements SourceMapper {
    private final String stream;

    LineSourceMapper(String stream) {
        this.stream = stream;
    }

    @Override
    public List<Object[]> map(Object payload) throws MappingException {
        List<String> lines = Lines.of(stream, payload);
        List<Object[]> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(new Object[] {line});
        }
        return out;
    }
}
