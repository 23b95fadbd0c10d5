package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.SourcePosition;
import java.util.List;

/**
 * {@code @app:name('x')}, {@code @info(name = 'q')}.
 *
 * @param name the name as written, with its namespace ({@code app:name})
 * @param elements the elements; an element without key has a null key
 */
public record Annotation(String name, List<Element> elements, SourcePosition pos) implements Node {
    public Annotation {
        elements = List.copyOf(elements);
    }

    /** One {@code key = 'value'} or bare {@code 'value'} element. */
    public record Element(String key, String value) {
    }
}
