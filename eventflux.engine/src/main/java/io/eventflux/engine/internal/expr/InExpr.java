package io.eventflux.engine.internal.expr;

/** x [NOT] IN (v, ...): SQL equality against each value. A NULL operand is false either way. */
final class InExpr extends BoolExpr {
    private final Expr operand;
    private final Expr[] values;
    private final boolean negated;

    InExpr(Expr operand, Expr[] values, boolean negated) {
        this.operand = operand;
        this.values = values;
        this.negated = negated;
    }

    @Override
    public boolean evalBool(EvalContext c) {
        Object v = operand.eval(c);
        if (v == null) {
            return false;
        }
        for (Expr e : values) {
            if (Values.equal(v, e.eval(c))) {
                return !negated;
            }
        }
        return negated;
    }
}
