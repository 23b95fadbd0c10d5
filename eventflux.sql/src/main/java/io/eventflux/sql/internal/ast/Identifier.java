package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.SourcePosition;

/** A name as written (quotes removed), e.g. a stream, attribute or alias. */
public record Identifier(String text, SourcePosition pos) implements Node {
    @Override
    public String toString() {
        return text;
    }
}
