package io.eventflux.engine.internal.expr;

/**
 * A compiled LIKE pattern: {@code %} matches any run of characters, {@code _} exactly one, and a
 * backslash makes the next character literal. Matching is linear in practice (greedy with one
 * backtrack point, the classic wildcard algorithm); no regex is involved, so nothing needs escaping.
 */
public final class LikeMatcher {
    private static final char ANY_ONE = 1;
    private static final char ANY_MANY = 2;

    private final char[] chars;
    private final char[] kinds;

    private LikeMatcher(char[] chars, char[] kinds) {
        this.chars = chars;
        this.kinds = kinds;
    }

    /** Compiles a LIKE pattern. */
    public static LikeMatcher compile(String pattern) {
        char[] chars = new char[pattern.length()];
        char[] kinds = new char[pattern.length()];
        int n = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                chars[n] = pattern.charAt(++i);
                kinds[n++] = 0;
            } else if (ch == '%') {
                if (n > 0 && kinds[n - 1] == ANY_MANY) {
                    continue;
                }
                kinds[n++] = ANY_MANY;
            } else if (ch == '_') {
                kinds[n++] = ANY_ONE;
            } else {
                chars[n] = ch;
                kinds[n++] = 0;
            }
        }
        return new LikeMatcher(java.util.Arrays.copyOf(chars, n), java.util.Arrays.copyOf(kinds, n));
    }

    /** True when the whole of {@code s} matches. */
    public boolean matches(String s) {
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = 0;
        int n = kinds.length;
        while (si < s.length()) {
            if (pi < n && (kinds[pi] == ANY_ONE || (kinds[pi] == 0 && chars[pi] == s.charAt(si)))) {
                si++;
                pi++;
            } else if (pi < n && kinds[pi] == ANY_MANY) {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < n && kinds[pi] == ANY_MANY) {
            pi++;
        }
        return pi == n;
    }
}
