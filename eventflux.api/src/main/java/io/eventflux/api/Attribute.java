package io.eventflux.api;

import java.util.Objects;

/** One named, typed attribute of a stream or table schema. */
public record Attribute(String name, AttributeType type) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name + " " + type;
    }
}
