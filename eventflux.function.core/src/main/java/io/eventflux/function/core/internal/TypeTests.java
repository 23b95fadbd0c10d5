package io.eventflux.function.core.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.util.Set;
import java.util.function.Predicate;

/** instanceOfString and kin, which matter for OBJECT attributes, and sizeOfSet. */
final class TypeTests {
    private TypeTests() {
    }

    /** Any argument type; NULL is an instance of nothing, so the answer is false, never NULL (as Siddhi). */
    static FunctionDefinition instanceOf(FunctionCall call, Predicate<Object> test) {
        call.arity(1, 1);
        return DefinedFunction.of(AttributeType.BOOL, a -> test.test(a[0]));
    }

    static FunctionDefinition sizeOfSet(FunctionCall call) {
        call.arity(1, 1);
        call.exactly(0, AttributeType.OBJECT);
        return DefinedFunction.of(AttributeType.INT, a -> a[0] instanceof Set<?> set ? set.size() : null);
    }
}
