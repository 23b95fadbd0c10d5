package io.eventflux.function.string.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;

/** position, locate, instr (1-based, 0 when absent) and replace. */
final class Searching {
    private Searching() {
    }

    /** position(needle, haystack), or instr(haystack, needle) when {@code haystackFirst}. */
    static FunctionDefinition position(FunctionCall call, boolean haystackFirst) {
        call.arity(2, 2);
        call.exactly(0, AttributeType.STRING);
        call.exactly(1, AttributeType.STRING);
        int needle = haystackFirst ? 1 : 0;
        int haystack = 1 - needle;
        return DefinedFunction.of(AttributeType.INT, a -> a[needle] instanceof String n && a[haystack] instanceof String h
                ? h.indexOf(n) + 1 : null);
    }

    /** locate(needle, haystack[, start]): with a start outside 1..length+1 the answer is 0. */
    static FunctionDefinition locate(FunctionCall call) {
        if (call.arity(2, 3) == 2) {
            return position(call, false);
        }
        call.exactly(0, AttributeType.STRING);
        call.exactly(1, AttributeType.STRING);
        call.integral(2);
        return DefinedFunction.of(AttributeType.INT, a -> a[0] instanceof String n && a[1] instanceof String h
                && a[2] instanceof Number start ? locate(n, h, start.longValue()) : null);
    }

    static int locate(String needle, String haystack, long start) {
        return start < 1 || start > haystack.length() + 1L ? 0 : haystack.indexOf(needle, (int) start - 1) + 1;
    }

    /** replace(s, from, to): literal text; an empty {@code from} leaves s alone (as PostgreSQL and MySQL). */
    static FunctionDefinition replace(FunctionCall call) {
        call.arity(3, 3);
        for (int i = 0; i < 3; i++) {
            call.exactly(i, AttributeType.STRING);
        }
        return DefinedFunction.of(AttributeType.STRING, a -> a[0] instanceof String s && a[1] instanceof String from
                && a[2] instanceof String to ? (from.isEmpty() ? s : s.replace(from, to)) : null);
    }
}
