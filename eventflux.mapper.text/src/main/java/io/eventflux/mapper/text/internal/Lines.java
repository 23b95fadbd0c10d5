package io.eventflux.mapper.text.internal;

import io.eventflux.api.io.MappingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A payload's lines: split at \n or \r\n; a final line break ends the last line, it does not add one. */
final class Lines {
    private Lines() {
    }

    static List<String> of(String stream, Object payload) throws MappingException {
        String text;
        if (payload instanceof byte[] bytes) {
            text = new String(bytes, StandardCharsets.UTF_8);
        } else if (payload == null) {
            throw new MappingException("stream " + stream + ": null payload");
        } else {
            text = payload.toString();
        }
        if (text.isEmpty()) {
            return List.of();
        }
        return text.lines().toList();
    }
}
