package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** One column of the output row being built (HAVING and ORDER BY). */
final class OutputExpr extends Expr {
    private final int index;

    OutputExpr(int index, AttributeType type) {
        super(type);
        this.index = index;
    }

    @Override
    public Object eval(EvalContext c) {
        return c.output[index];
    }
}
