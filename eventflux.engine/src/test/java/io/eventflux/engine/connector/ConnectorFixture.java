package io.eventflux.engine.connector;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.ExtensionRegistry;
import java.util.List;
import java.util.Map;

/** A runtime over the real bundles (ServiceLoader) plus the test source "test" and sink "flaky". */
final class ConnectorFixture implements AutoCloseable {
    static final String DLQ = "CREATE STREAM Dead (originalEvent STRING, errorMessage STRING, errorType STRING, "
            + "timestamp LONG, attemptCount INT, streamName STRING);\n";

    final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(ConnectorFixture.class.getClassLoader());
    final TestSourceFactory source = new TestSourceFactory();
    final TestSinkFactory sink = new TestSinkFactory();

    ConnectorFixture() {
        runtime.registry().add(source, Map.of(ExtensionRegistry.TYPE, Extension.SOURCE, ExtensionRegistry.NAME, "test"));
        runtime.registry().add(sink, Map.of(ExtensionRegistry.TYPE, Extension.SINK, ExtensionRegistry.NAME, "flaky"));
    }

    /** Each event's data as a list, for compact assertions. */
    static List<List<Object>> rows(List<Event> events) {
        return events.stream().map(e -> java.util.Arrays.asList(e.data())).toList();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
