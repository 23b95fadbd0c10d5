package io.eventflux.api.io;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** Turns one payload into zero or more events' data arrays, in the stream's attribute order. */
@ConsumerType
public interface SourceMapper {
    /** @throws MappingException naming the attribute and value that do not fit (and the line, for text) */
    List<Object[]> map(Object payload) throws MappingException;
}
