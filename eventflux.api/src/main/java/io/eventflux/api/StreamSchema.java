package io.eventflux.api;

import java.util.List;
import java.util.Objects;

/**
 * The name and ordered attributes of a stream or table. Event data arrays follow this order.
 */
public record StreamSchema(String name, List<Attribute> attributes) {
    public StreamSchema {
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
    }

    /** Number of attributes. */
    public int size() {
        return attributes.size();
    }

    /** The attribute at a position. */
    public Attribute attribute(int index) {
        return attributes.get(index);
    }

    /** Position of the attribute with this exact name, or -1. */
    public int indexOf(String attributeName) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(attributeName)) {
                return i;
            }
        }
        return -1;
    }

    /** Attribute names in order. */
    public List<String> names() {
        return attributes.stream().map(Attribute::name).toList();
    }
}
