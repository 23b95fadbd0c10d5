package io.eventflux.engine.connector;

import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import io.eventflux.api.io.SourceListener;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A source the test drives by hand: it hands out the engine's {@link SourceListener} per stream once
 * started, and records its lifecycle calls ("start", "stop", "restore:&lt;state&gt;") in order. Its state is a
 * Long offset the test sets.
 */
final class TestSourceFactory implements SourceFactory {
    final Map<String, SourceListener> listeners = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile long offset;

    @Override
    public Source create(ConnectorSpec spec) {
        String stream = spec.stream().name();
        return new Source() {
            @Override
            public void start(SourceListener listener) {
                calls.add("start");
                listeners.put(stream, listener);
            }

            @Override
            public void stop() {
                calls.add("stop");
                listeners.remove(stream);
            }

            @Override
            public Serializable snapshot() {
                return offset;
            }

            @Override
            public void restore(Serializable state) {
                calls.add("restore:" + state);
                offset = (Long) state;
            }
        };
    }

    SourceListener listener(String stream) {
        if (!Polling.await(() -> listeners.containsKey(stream), 10)) {
            throw new AssertionError("source of " + stream + " not started");
        }
        return listeners.get(stream);
    }
}
