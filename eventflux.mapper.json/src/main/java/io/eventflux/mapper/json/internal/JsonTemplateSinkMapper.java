package io.eventflux.mapper.json.internal;

import io.eventflux.api.Event;
import io.eventflux.api.io.SinkMapper;

/** An event rendered through a {@code json.template}. */
final class JsonTemplateSinkMapper implements SinkMapper {
    private final JsonTemplate template;

    JsonTemplateSinkMapper(JsonTemplate template) {
        this.template = template;
    }

    @Override
    public Object map(Event event) {
        return template.render(event.data());
    }
}
