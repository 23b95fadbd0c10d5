package io.eventflux.connector.file.internal;

import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.MappingException;
import io.eventflux.api.io.SourceListener;
import io.eventflux.api.io.SourceMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Maps payloads with the real mapper of the spec's {@code format}, found like the engine finds it. */
final class MappingListener implements SourceListener {
    private final SourceMapper mapper;
    private final List<List<Object>> events = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    MappingListener(ConnectorSpec spec) {
        String format = spec.options().get("format");
        MapperFactory factory = ServiceLoader.load(MapperFactory.class).stream()
                .filter(p -> p.type().getAnnotation(Extension.class).name().equals(format))
                .findFirst().orElseThrow(() -> new AssertionError("no mapper " + format)).get();
        this.mapper = factory.sourceMapper(spec);
    }

    @Override
    public synchronized void onPayload(Object payload, Map<String, String> headers) {
        try {
            for (Object[] data : mapper.map(payload)) {
                events.add(Arrays.asList(data));
            }
        } catch (MappingException e) {
            errors.add(headers.get(SourceListener.LOCATION) + ": " + e.getMessage());
        }
    }

    @Override
    public boolean offer(Object payload, Map<String, String> headers) {
        onPayload(payload, headers);
        return true;
    }

    @Override
    public CompletionStage<Void> processed() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onConnectionLost(Throwable cause) {
    }

    synchronized List<List<Object>> events() {
        return List.copyOf(events);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }
}
