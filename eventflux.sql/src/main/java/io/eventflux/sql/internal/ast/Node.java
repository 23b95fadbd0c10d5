package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.SourcePosition;

/** Every AST node knows where it starts in the SQL text. */
public interface Node {
    SourcePosition pos();
}
