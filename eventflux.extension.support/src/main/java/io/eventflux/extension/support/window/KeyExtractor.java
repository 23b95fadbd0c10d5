package io.eventflux.extension.support.window;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the key of an event: the values of the key attributes, compared by value (NULL too). Immutable;
 * one instance serves every window instance of a definition.
 */
public final class KeyExtractor {
    private final int[] indexes;

    public KeyExtractor(int[] indexes) {
        this.indexes = indexes.clone();
    }

    /**
     * The key attributes given as the window's arguments from {@code firstKey} on; every input
     * attribute when there are none. Fails when one of them is not an attribute.
     */
    public static KeyExtractor fromArguments(WindowSpec spec, int firstKey) {
        List<Argument> args = spec.arguments();
        int[] keyIndexes;
        if (args.size() <= firstKey) {
            keyIndexes = new int[spec.input().size()];
            for (int i = 0; i < keyIndexes.length; i++) {
                keyIndexes[i] = i;
            }
        } else {
            keyIndexes = new int[args.size() - firstKey];
            for (int i = firstKey; i < args.size(); i++) {
                Argument arg = args.get(i);
                if (!arg.isAttribute()) {
                    throw new ExtensionException("window '" + spec.name() + "' parameter " + (i + 1)
                            + " must be a key attribute, was " + arg.describe());
                }
                keyIndexes[i - firstKey] = arg.attributeIndex();
            }
        }
        return new KeyExtractor(keyIndexes);
    }

    /** The key of {@code event}: a fixed-size list of its key attributes' values. */
    public List<Object> keyOf(Event event) {
        Object[] values = new Object[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            values[i] = event.get(indexes[i]);
        }
        return Arrays.asList(values);
    }

    /**
     * The key attributes' indexes: stable text, since an app's plan (and so the fingerprint of its stored
     * snapshots) includes the window's definition.
     */
    @Override
    public String toString() {
        return "KeyExtractor" + Arrays.toString(indexes);
    }
}
