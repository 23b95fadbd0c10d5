package io.eventflux.engine.internal.expr;

/** AND, OR and NOT over conditions; NULL counts as false. */
final class LogicExpr extends BoolExpr {
    enum Kind { AND, OR, NOT }

    private final Kind kind;
    private final Expr left;
    private final Expr right;

    LogicExpr(Kind kind, Expr left, Expr right) {
        this.kind = kind;
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean evalBool(EvalContext c) {
        return switch (kind) {
            case AND -> left.evalBool(c) && right.evalBool(c);
            case OR -> left.evalBool(c) || right.evalBool(c);
            case NOT -> !left.evalBool(c);
        };
    }
}
