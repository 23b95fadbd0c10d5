package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.Function;

/** A function call: arguments evaluated into a reused array, the result converted to the node's type. */
final class FunctionExpr extends Expr {
    private final Function function;
    private final Expr[] arguments;
    private final Object[] values;

    FunctionExpr(Function function, Expr[] arguments, AttributeType type) {
        super(type);
        this.function = function;
        this.arguments = arguments;
        this.values = new Object[arguments.length];
    }

    @Override
    public Object eval(EvalContext c) {
        for (int i = 0; i < arguments.length; i++) {
            values[i] = arguments[i].eval(c);
        }
        return Values.coerce(function.apply(values), type());
    }
}
