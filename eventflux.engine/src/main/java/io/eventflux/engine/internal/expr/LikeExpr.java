package io.eventflux.engine.internal.expr;

/** x [NOT] LIKE pattern. A constant pattern is compiled once; a varying one when it changes. */
final class LikeExpr extends BoolExpr {
    private final Expr operand;
    private final Expr pattern;
    private final boolean negated;
    private String lastPattern;
    private LikeMatcher matcher;

    LikeExpr(Expr operand, Expr pattern, boolean negated) {
        this.operand = operand;
        this.pattern = pattern;
        this.negated = negated;
        if (pattern.isConstant() && pattern.eval(null) instanceof String p) {
            lastPattern = p;
            matcher = LikeMatcher.compile(p);
        }
    }

    @Override
    public boolean evalBool(EvalContext c) {
        Object v = operand.eval(c);
        Object p = pattern.eval(c);
        if (v == null || p == null) {
            return false;
        }
        String ps = p.toString();
        if (!ps.equals(lastPattern)) {
            lastPattern = ps;
            matcher = LikeMatcher.compile(ps);
        }
        return matcher.matches(v.toString()) != negated;
    }
}
