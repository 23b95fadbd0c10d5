package io.eventflux.sql.internal;

import io.eventflux.api.CompileError;
import io.eventflux.sql.plan.SourcePosition;

/**
 * One compile error on its way out of a deep call: thrown where the problem is found, caught where the
 * compiler can record it and go on with the next statement, clause or column.
 */
public final class CompileProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CompileError error;

    public CompileProblem(CompileError error) {
        super(error.format(), null, false, false);
        this.error = error;
    }

    public CompileProblem(SourcePosition pos, String message) {
        this(pos, message, null, null);
    }

    public CompileProblem(SourcePosition pos, String message, String offendingName, String suggestion) {
        this(new CompileError(pos.line(), pos.column(), message, offendingName, suggestion));
    }

    public CompileError error() {
        return error;
    }
}
