package io.eventflux.window.sort.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import java.util.Comparator;
import java.util.List;

/** A validated sort window: how many events it keeps and the sort keys, most significant first. */
record SortWindowDefinition(int size, List<SortKey> keys) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new SortWindow(size, eventOrder());
    }

    /**
     * The sort order of events: key by key, each ascending or descending; NULL sorts last in either
     * direction, so events with a NULL key are pushed out first. Values of one attribute share a type,
     * so they compare with their natural order.
     */
    Comparator<Event> eventOrder() {
        Comparator<Event> order = null;
        for (SortKey key : keys) {
            Comparator<Comparable<Object>> values = key.descending()
                    ? Comparator.reverseOrder() : Comparator.naturalOrder();
            Comparator<Event> byKey = Comparator.comparing(e -> comparable(e.get(key.index())),
                    Comparator.nullsLast(values));
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        return order;
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object value) {
        return (Comparable<Object>) value;
    }
}
