package io.eventflux.engine.internal.aggregation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Bucket state and keys as text, for a table store (one VARCHAR column per slot): a type letter and the
 * value ({@code L12}, {@code D1.5}, {@code N0.1000000000000000055511151231257827}, {@code Sabc}). An exact sum
 * longer than a column holds is stored rounded to 60 significant digits.
 */
final class ValueCodec {
    private static final int MAX = 250;

    private ValueCodec() {
    }

    static String encode(Object v) {
        if (v == null) {
            return null;
        }
        String s;
        if (v instanceof Long || v instanceof Integer || v instanceof Double || v instanceof Float
                || v instanceof Boolean || v instanceof String) {
            s = prefix(v) + v;
        } else if (v instanceof BigDecimal || v instanceof ExactSum) {
            BigDecimal n = v instanceof ExactSum e ? e.exact() : (BigDecimal) v;
            String text = "N" + n.toString();
            s = text.length() <= MAX ? text : "N" + n.round(new MathContext(60)).toString();
        } else {
            throw new IllegalArgumentException("a value of type " + v.getClass().getSimpleName()
                    + " cannot be kept in an aggregation's table store");
        }
        if (s.length() > MAX) {
            throw new IllegalArgumentException("value too long for an aggregation's table store: " + s.length()
                    + " characters (at most " + MAX + ")");
        }
        return s;
    }

    private static String prefix(Object v) {
        return v instanceof Long ? "L" : v instanceof Integer ? "I" : v instanceof Double ? "D"
                : v instanceof Float ? "F" : v instanceof Boolean ? "B" : "S";
    }

    static Object decode(String s) {
        if (s == null) {
            return null;
        }
        String v = s.substring(1);
        return switch (s.charAt(0)) {
            case 'L' -> Long.parseLong(v);
            case 'I' -> Integer.parseInt(v);
            case 'D' -> Double.parseDouble(v);
            case 'F' -> Float.parseFloat(v);
            case 'B' -> Boolean.parseBoolean(v);
            case 'S' -> v;
            case 'N' -> new BigDecimal(v);
            default -> throw new IllegalArgumentException("bad stored aggregation value '" + s + "'");
        };
    }

    /** Key values as one string: each value's length, ':', the value (NULL is '-'). */
    static String encodeKey(Object[] values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            String e = encode(v);
            if (e == null) {
                b.append('-');
            } else {
                b.append(e.length()).append(':').append(e);
            }
        }
        if (b.length() > MAX) {
            throw new IllegalArgumentException("GROUP BY key too long for an aggregation's table store: " + b);
        }
        return b.toString();
    }

    static Object[] decodeKey(String s) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '-') {
                out.add(null);
                i++;
                continue;
            }
            int colon = s.indexOf(':', i);
            int len = Integer.parseInt(s.substring(i, colon));
            out.add(decode(s.substring(colon + 1, colon + 1 + len)));
            i = colon + 1 + len;
        }
        return out.toArray();
    }
}
