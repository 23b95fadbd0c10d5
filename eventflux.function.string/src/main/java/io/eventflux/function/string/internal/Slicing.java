package io.eventflux.function.string.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;

/**
 * substring, left, right, repeat, lpad and rpad. Counts beyond the string are cut to it; a result longer
 * than {@link #MAX_LENGTH} characters is NULL, so one bad event cannot exhaust the heap.
 */
final class Slicing {
    static final int MAX_LENGTH = 1 << 24;

    private Slicing() {
    }

    /**
     * substring(s, start[, length]) as standard SQL: the characters at positions [start, start + length)
     * that exist, so substring('abc', 0, 2) is 'a'. A negative length is NULL.
     */
    static FunctionDefinition substring(FunctionCall call) {
        int n = call.arity(2, 3);
        call.exactly(0, AttributeType.STRING);
        call.integral(1);
        if (n == 2) {
            return DefinedFunction.of(AttributeType.STRING, a -> a[0] instanceof String s && a[1] instanceof Number start
                    ? substring(s, start.longValue(), Long.MAX_VALUE) : null);
        }
        call.integral(2);
        return DefinedFunction.of(AttributeType.STRING, a -> a[0] instanceof String s && a[1] instanceof Number start
                && a[2] instanceof Number length ? substring(s, start.longValue(), length.longValue()) : null);
    }

    static String substring(String s, long start, long length) {
        if (length < 0) {
            return null;
        }
        long from = Math.max(start, 1);
        long to = start > 0 && length > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + length;
        to = Math.min(to, s.length() + 1L);
        return to <= from ? "" : s.substring((int) from - 1, (int) to - 1);
    }

    /** left(s, n): a count of zero or less gives '' (as MySQL). */
    static String left(String s, long n) {
        return n <= 0 ? "" : n >= s.length() ? s : s.substring(0, (int) n);
    }

    static String right(String s, long n) {
        return n <= 0 ? "" : n >= s.length() ? s : s.substring(s.length() - (int) n);
    }

    static String repeat(String s, long n) {
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        return n > MAX_LENGTH / s.length() ? null : s.repeat((int) n);
    }

    /** lpad/rpad(s, length[, pad]): pads with pad repeated, or cuts s to length (keeping its start). */
    static FunctionDefinition pad(FunctionCall call, boolean left) {
        int n = call.arity(2, 3);
        call.exactly(0, AttributeType.STRING);
        call.integral(1);
        if (n == 2) {
            return DefinedFunction.of(AttributeType.STRING, a -> a[0] instanceof String s && a[1] instanceof Number length
                    ? pad(s, length.longValue(), " ", left) : null);
        }
        call.exactly(2, AttributeType.STRING);
        return DefinedFunction.of(AttributeType.STRING, a -> a[0] instanceof String s && a[1] instanceof Number length
                && a[2] instanceof String p ? pad(s, length.longValue(), p, left) : null);
    }

    static String pad(String s, long length, String pad, boolean left) {
        if (length <= 0) {
            return "";
        }
        if (length > MAX_LENGTH) {
            return null;
        }
        if (s.length() >= length) {
            return s.substring(0, (int) length);
        }
        if (pad.isEmpty()) {
            return s;
        }
        StringBuilder b = new StringBuilder((int) length);
        if (!left) {
            b.append(s);
        }
        for (int i = 0, fill = (int) length - s.length(); i < fill; i++) {
            b.append(pad.charAt(i % pad.length()));
        }
        if (left) {
            b.append(s);
        }
        return b.toString();
    }
}
