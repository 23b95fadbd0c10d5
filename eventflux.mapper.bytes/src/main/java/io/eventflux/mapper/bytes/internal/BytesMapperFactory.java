package io.eventflux.mapper.bytes.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.MappingException;
import io.eventflux.api.io.SinkMapper;
import io.eventflux.api.io.SourceMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code format = 'bytes'}: the payload as it is, in a stream of exactly one OBJECT attribute. The sink
 * sends a byte[] value as it is, anything else as its UTF-8 text.
 */
@Component(service = MapperFactory.class)
@ServiceProvider(value = MapperFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.MAPPER, name = "bytes",
        description = "Raw payloads: the payload as it is in the stream's single OBJECT attribute, and back.")
public final class BytesMapperFactory implements MapperFactory {

    @Override
    public SourceMapper sourceMapper(ConnectorSpec spec) {
        String stream = checkSchema(spec.stream());
        return payload -> {
            if (payload == null) {
                throw new MappingException("stream " + stream + ": null payload");
            }
            return List.<Object[]>of(new Object[] {payload});
        };
    }

    @Override
    public SinkMapper sinkMapper(ConnectorSpec spec) {
        checkSchema(spec.stream());
        return event -> {
            Object v = event.data()[0];
            if (v instanceof byte[]) {
                return v;
            }
            return v == null ? new byte[0] : v.toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String checkSchema(StreamSchema schema) {
        if (schema.size() != 1 || schema.attribute(0).type() != AttributeType.OBJECT) {
            throw new IllegalArgumentException("stream " + schema.name()
                    + ": the bytes mapper needs exactly one OBJECT attribute, found " + schema.attributes());
        }
        return schema.name();
    }
}
