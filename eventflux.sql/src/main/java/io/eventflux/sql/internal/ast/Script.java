package io.eventflux.sql.internal.ast;

import java.util.List;

/** A whole app: its statements in source order. */
public record Script(List<Statement> statements) {
    public Script {
        statements = List.copyOf(statements);
    }
}
