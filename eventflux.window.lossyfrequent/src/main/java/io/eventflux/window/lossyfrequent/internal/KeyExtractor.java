package io.eventflux.window.lossyfrequent.internal;

import io.eventflux.api.Event;
import java.util.Arrays;
import java.util.List;

/** Builds the counted key of an event: the values of the key attributes, compared by value (NULL too). */
final class KeyExtractor {
    private final int[] indexes;

    KeyExtractor(int[] indexes) {
        this.indexes = indexes.clone();
    }

    List<Object> keyOf(Event event) {
        Object[] values = new Object[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            values[i] = event.get(indexes[i]);
        }
        return Arrays.asList(values);
    }
}
