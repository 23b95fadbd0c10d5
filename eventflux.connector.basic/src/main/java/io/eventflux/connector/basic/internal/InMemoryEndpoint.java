package io.eventflux.connector.basic.internal;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.util.Map;

/**
 * One inMemory topic endpoint: as a {@link Sink} it publishes each payload to the topic; as a
 * {@link Source} it is subscribed while started, and an event (from a sink without {@code format})
 * arrives as its data array.
 */
final class InMemoryEndpoint implements Source, Sink {
    static final String TOPIC = "inMemory.topic";

    private final InMemoryBroker broker;
    private final String topic;
    private AutoCloseable subscription;

    InMemoryEndpoint(InMemoryBroker broker, String topic) {
        this.broker = broker;
        this.topic = topic;
    }

    @Override
    public synchronized void start(SourceListener listener) {
        Map<String, String> headers = Map.of(SourceListener.LOCATION, "inMemory:" + topic);
        subscription = broker.subscribe(topic,
                payload -> listener.onPayload(payload instanceof Event e ? e.data() : payload, headers));
    }

    @Override
    public void start() {
        // nothing to connect to
    }

    @Override
    public void publish(Object payload, Event event) {
        broker.publish(topic, payload);
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            subscription = null;
        }
    }
}
