package io.eventflux.extension.support.function;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.FunctionSpec;

/**
 * One call being validated. Errors name the function as written, the 1-based argument position and
 * the type found. A NULL literal fits any parameter: its type says nothing about the caller's intent.
 */
public final class FunctionCall {
    private final FunctionSpec spec;

    public FunctionCall(FunctionSpec spec) {
        this.spec = spec;
    }

    public String name() {
        return spec.name();
    }

    public int size() {
        return spec.arguments().size();
    }

    public Argument argument(int index) {
        return spec.arguments().get(index);
    }

    public AttributeType type(int index) {
        return argument(index).type();
    }

    /** Fails unless the call has between {@code min} and {@code max} arguments; returns the count. */
    public int arity(int min, int max) {
        spec.expectArguments(min, max);
        return size();
    }

    /** True when the argument is the literal NULL. */
    public boolean isNullLiteral(int index) {
        Argument a = argument(index);
        return a.isConstant() && a.value() == null;
    }

    /**
     * Checks a numeric argument and returns its type; a NULL literal of another type counts as INT,
     * the narrowest numeric type, so it never widens a result.
     */
    public AttributeType numeric(int index) {
        AttributeType t = type(index);
        if (t.isNumeric()) {
            return t;
        }
        if (isNullLiteral(index)) {
            return AttributeType.INT;
        }
        throw mismatch(index, "numeric");
    }

    /** Checks an INT or LONG argument. */
    public void integral(int index) {
        AttributeType t = type(index);
        if (t != AttributeType.INT && t != AttributeType.LONG && !isNullLiteral(index)) {
            throw mismatch(index, "INT or LONG");
        }
    }

    /** Checks that the argument has exactly {@code expected} type. */
    public void exactly(int index, AttributeType expected) {
        if (type(index) != expected && !isNullLiteral(index)) {
            throw mismatch(index, expected.name());
        }
    }

    /** The error for argument {@code index} not being what the function needs. */
    public ExtensionException mismatch(int index, String expectation) {
        return new ExtensionException("function '" + name() + "' argument " + (index + 1) + " must be "
                + expectation + ", was " + type(index));
    }
}
