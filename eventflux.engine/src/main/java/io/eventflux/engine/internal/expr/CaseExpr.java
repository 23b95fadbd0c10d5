package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** CASE [operand] WHEN .. THEN .. [ELSE ..] END; results converted to the node's type. */
final class CaseExpr extends Expr {
    private final Expr operand;
    private final Expr[] whens;
    private final Expr[] thens;
    private final Expr otherwise;

    CaseExpr(Expr operand, Expr[] whens, Expr[] thens, Expr otherwise, AttributeType type) {
        super(type);
        this.operand = operand;
        this.whens = whens;
        this.thens = thens;
        this.otherwise = otherwise;
    }

    @Override
    public Object eval(EvalContext c) {
        Expr chosen = choose(c);
        return chosen == null ? null : Values.coerce(chosen.eval(c), type());
    }

    private Expr choose(EvalContext c) {
        if (operand != null) {
            Object v = operand.eval(c);
            for (int i = 0; i < whens.length; i++) {
                if (Values.equal(v, whens[i].eval(c))) {
                    return thens[i];
                }
            }
        } else {
            for (int i = 0; i < whens.length; i++) {
                if (whens[i].evalBool(c)) {
                    return thens[i];
                }
            }
        }
        return otherwise;
    }

    @Override
    public long evalLong(EvalContext c) {
        Expr chosen = choose(c);
        if (chosen == null) {
            c.wasNull = true;
            return 0L;
        }
        AttributeType t = chosen.type();
        if (t == AttributeType.INT || t == AttributeType.LONG) {
            return chosen.evalLong(c);
        }
        if (t.isNumeric()) {
            return (long) chosen.evalDouble(c);
        }
        Object v = chosen.eval(c);
        if (!(v instanceof Number n)) {
            c.wasNull = true;
            return 0L;
        }
        return n.longValue();
    }

    @Override
    public double evalDouble(EvalContext c) {
        Expr chosen = choose(c);
        if (chosen == null) {
            c.wasNull = true;
            return 0.0;
        }
        if (chosen.type().isNumeric()) {
            return chosen.evalDouble(c);
        }
        Object v = chosen.eval(c);
        if (!(v instanceof Number n)) {
            c.wasNull = true;
            return 0.0;
        }
        return n.doubleValue();
    }

    @Override
    public boolean evalBool(EvalContext c) {
        Expr chosen = choose(c);
        return chosen != null && chosen.evalBool(c);
    }
}
