package io.eventflux.api.io;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Where a source delivers what it reads; the engine maps and routes it. */
@ProviderType
public interface SourceListener {
    /**
     * One payload (a byte[], String or Object, depending on the connector) with transport headers.
     * Mapping errors go to the stream's error strategy; they never throw back into the source, except
     * under {@code error.strategy = fail}.
     */
    void onPayload(Object payload, Map<String, String> headers);
}
