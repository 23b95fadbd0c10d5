package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.SourcePosition;

/** {@code name TYPE [PRIMARY KEY]} in CREATE STREAM / TABLE. */
public record ColumnDef(Identifier name, TypeName type, boolean primaryKey, SourcePosition pos) implements Node {
}
