package io.eventflux.sql.internal.ast;

import io.eventflux.api.AttributeType;
import io.eventflux.sql.plan.SourcePosition;

/** A type as written ({@code VARCHAR(20)}) and the attribute type it means. */
public record TypeName(String written, AttributeType type, SourcePosition pos) implements Node {
}
