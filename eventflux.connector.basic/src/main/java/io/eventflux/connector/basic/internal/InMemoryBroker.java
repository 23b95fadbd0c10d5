package io.eventflux.connector.basic.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Component;

/**
 * Topics that connect apps of one runtime: what an {@code inMemory} sink publishes to a topic, every
 * {@code inMemory} source subscribed to it receives, synchronously on the publisher's thread (the sending
 * app's writer), in order. One broker per framework (a DS service both factories reference) or per
 * runtime (the ServiceLoader path, see {@link InMemoryConnectors}); never a static.
 */
@Component(service = InMemoryBroker.class)
public final class InMemoryBroker {
    private final Map<String, List<Consumer<Object>>> topics = new ConcurrentHashMap<>();

    /** Delivers a payload to the topic's current subscribers; returns how many received it. */
    public int publish(String topic, Object payload) {
        List<Consumer<Object>> subscribers = topics.get(topic);
        if (subscribers == null) {
            return 0;
        }
        int n = 0;
        for (Consumer<Object> s : subscribers) {
            s.accept(payload);
            n++;
        }
        return n;
    }

    /** Subscribes; closing the handle unsubscribes. */
    public AutoCloseable subscribe(String topic, Consumer<Object> subscriber) {
        topics.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscriber);
        return () -> topics.getOrDefault(topic, List.of()).remove(subscriber);
    }
}
