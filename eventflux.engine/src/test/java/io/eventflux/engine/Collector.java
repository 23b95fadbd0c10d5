package io.eventflux.engine;

import io.eventflux.api.Event;
import io.eventflux.api.StreamCallback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects what a stream emits (thread-safe), keeping chunk boundaries. */
final class Collector implements StreamCallback {
    private final List<List<Event>> chunks = new ArrayList<>();

    @Override
    public synchronized void receive(List<Event> events) {
        chunks.add(events);
    }

    synchronized List<Event> events() {
        List<Event> out = new ArrayList<>();
        chunks.forEach(out::addAll);
        return out;
    }

    synchronized List<List<Event>> chunks() {
        return new ArrayList<>(chunks);
    }

    synchronized int count() {
        return chunks.stream().mapToInt(List::size).sum();
    }

    /** "ts:[values]" or "ts:expired:[values]" per event, for compact assertions. */
    List<String> rows() {
        return events().stream()
                .map(e -> e.timestamp() + (e.isExpired() ? ":expired:" : ":") + Arrays.toString(e.data()))
                .toList();
    }
}
