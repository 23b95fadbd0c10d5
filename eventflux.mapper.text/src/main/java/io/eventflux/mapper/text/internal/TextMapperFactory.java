package io.eventflux.mapper.text.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.SinkMapper;
import io.eventflux.api.io.SourceMapper;
import io.eventflux.extension.support.mapper.AttributeValues;
import org.osgi.service.component.annotations.Component;

/**
 * {@code format = 'text'}: each line of a payload is one event. A stream of one STRING attribute takes the
 * line as it is; any other stream reads {@code key=value} pairs separated by commas.
 */
@Component(service = MapperFactory.class)
@ServiceProvider(value = MapperFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.MAPPER, name = "text",
        description = "Text payloads: one line per event; the whole line for a single STRING attribute, "
                + "else comma-separated key=value pairs.")
public final class TextMapperFactory implements MapperFactory {

    @Override
    public SourceMapper sourceMapper(ConnectorSpec spec) {
        StreamSchema schema = spec.stream();
        if (isSingleString(schema)) {
            return new LineSourceMapper(schema.name());
        }
        return new KeyValueSourceMapper(schema, new AttributeValues(schema.name(), null));
    }

    @Override
    public SinkMapper sinkMapper(ConnectorSpec spec) {
        return new TextSinkMapper(spec.stream(), isSingleString(spec.stream()));
    }

    private static boolean isSingleString(StreamSchema schema) {
        return schema.size() == 1 && schema.attribute(0).type() == AttributeType.STRING;
    }
}
