package io.eventflux.function.core.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;

/**
 * coalesce, default/ifnull, nullif and if. Arguments that may be returned share one type: equal types,
 * or numeric types widened (INT &lt; LONG &lt; FLOAT &lt; DOUBLE); values are converted to it.
 */
final class NullHandling {
    private NullHandling() {
    }

    static FunctionDefinition coalesce(FunctionCall call) {
        int n = call.arity(1, Integer.MAX_VALUE);
        return firstNonNull(commonType(call, 0, n));
    }

    /** default(x, d) and ifnull(x, d): coalesce with exactly two arguments. */
    static FunctionDefinition fallback(FunctionCall call) {
        call.arity(2, 2);
        return firstNonNull(commonType(call, 0, 2));
    }

    static FunctionDefinition nullIf(FunctionCall call) {
        call.arity(2, 2);
        AttributeType common = commonType(call, 0, 2);
        AttributeType type = call.isNullLiteral(0) ? common : call.type(0);
        return DefinedFunction.of(type, a -> a[0] == null || sameValue(a[0], a[1]) ? null : Conversion.to(type, a[0]));
    }

    /** if(cond, a, b): a NULL condition counts as false, as in WHERE and CASE. */
    static FunctionDefinition choose(FunctionCall call) {
        call.arity(3, 3);
        call.exactly(0, AttributeType.BOOL);
        AttributeType type = commonType(call, 1, 3);
        return DefinedFunction.of(type, a -> Conversion.to(type, Boolean.TRUE.equals(a[0]) ? a[1] : a[2]));
    }

    private static FunctionDefinition firstNonNull(AttributeType type) {
        return DefinedFunction.of(type, a -> {
            for (Object o : a) {
                if (o != null) {
                    return Conversion.to(type, o);
                }
            }
            return null;
        });
    }

    /**
     * The type arguments {@code from} (inclusive) to {@code to} (exclusive) share. NULL literals do not
     * count; when all are NULL literals the first one's type is used.
     */
    static AttributeType commonType(FunctionCall call, int from, int to) {
        AttributeType common = null;
        int first = -1;
        for (int i = from; i < to; i++) {
            if (call.isNullLiteral(i)) {
                continue;
            }
            AttributeType t = call.type(i);
            if (common == null) {
                common = t;
                first = i;
            } else if (t.isNumeric() && common.isNumeric()) {
                common = AttributeType.widest(common, t);
            } else if (t != common) {
                throw call.mismatch(i, "of a type compatible with argument " + (first + 1) + " (" + call.type(first) + ")");
            }
        }
        return common != null ? common : call.type(from);
    }

    /** SQL equality: numbers compare by value across types. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Float || x instanceof Double || y instanceof Float || y instanceof Double) {
                return x.doubleValue() == y.doubleValue();
            }
            return x.longValue() == y.longValue();
        }
        return a.equals(b);
    }
}
