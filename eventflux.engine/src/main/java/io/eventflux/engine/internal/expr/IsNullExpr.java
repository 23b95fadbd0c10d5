package io.eventflux.engine.internal.expr;

/** x IS [NOT] NULL. */
final class IsNullExpr extends BoolExpr {
    private final Expr operand;
    private final boolean negated;

    IsNullExpr(Expr operand, boolean negated) {
        this.operand = operand;
        this.negated = negated;
    }

    @Override
    public boolean evalBool(EvalContext c) {
        return (operand.eval(c) == null) != negated;
    }
}
