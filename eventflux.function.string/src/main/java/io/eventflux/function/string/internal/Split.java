package io.eventflux.function.string.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * split(s, delimiter) gives every part as an unmodifiable {@code List<String>}; split(s, delimiter, index)
 * gives the part at a 0-based index (as Siddhi's {@code str:split} and Flink's {@code SPLIT_INDEX}), NULL
 * when there is none. The delimiter is literal text, not a regex; empty parts are kept, trailing ones too.
 * An empty delimiter does not split.
 */
final class Split {
    private Split() {
    }

    static FunctionDefinition define(FunctionCall call) {
        int n = call.arity(2, 3);
        call.exactly(0, AttributeType.STRING);
        call.exactly(1, AttributeType.STRING);
        if (n == 2) {
            return DefinedFunction.of(AttributeType.OBJECT,
                    a -> a[0] instanceof String s && a[1] instanceof String d ? parts(s, d) : null);
        }
        call.integral(2);
        return DefinedFunction.of(AttributeType.STRING, a -> a[0] instanceof String s && a[1] instanceof String d
                && a[2] instanceof Number i ? part(s, d, i.longValue()) : null);
    }

    static List<String> parts(String s, String delimiter) {
        if (delimiter.isEmpty()) {
            return List.of(s);
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = s.indexOf(delimiter); at >= 0; at = s.indexOf(delimiter, from)) {
            parts.add(s.substring(from, at));
            from = at + delimiter.length();
        }
        parts.add(s.substring(from));
        return Collections.unmodifiableList(parts);
    }

    static String part(String s, String delimiter, long index) {
        if (index < 0 || delimiter.isEmpty() && index > 0) {
            return null;
        }
        int from = 0;
        for (long i = 0; i < index; i++) {
            int at = s.indexOf(delimiter, from);
            if (at < 0) {
                return null;
            }
            from = at + delimiter.length();
        }
        int end = delimiter.isEmpty() ? -1 : s.indexOf(delimiter, from);
        return s.substring(from, end < 0 ? s.length() : end);
    }
}
