package io.eventflux.sql.internal.parser;

import java.util.ArrayDeque;
import java.util.Deque;

/** Finds the parenthesis a statement leaves open, for the hint of a syntax error at its end. */
final class Brackets {
    private Brackets() {
    }

    /**
     * "close the '(' at line 2, column 28" when the statement that {@code stop} (an offset in {@code text}) ends
     * leaves a parenthesis open, else null. Quoted text ('...', "...", `...`) and comments are skipped.
     */
    static String unclosed(String text, int stop) {
        Deque<int[]> open = new ArrayDeque<>();
        int line = 1;
        int lineStart = 0;
        int end = Math.min(stop, text.length());
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '\'' || c == '"' || c == '`' || c == '/' && i + 1 < end && text.charAt(i + 1) == '*') {
                int close = c == '/' ? text.indexOf("*/", i + 2) + 1 : text.indexOf(c, i + 1);
                int to = close <= 0 || close > end ? end : close;
                for (int j = i + 1; j < to; j++) {
                    if (text.charAt(j) == '\n') {
                        line++;
                        lineStart = j + 1;
                    }
                }
                i = to;
            } else if (c == '-' && i + 1 < end && text.charAt(i + 1) == '-') {
                int nl = text.indexOf('\n', i);
                i = (nl < 0 || nl > end ? end : nl) - 1;
            } else if (c == '(') {
                open.push(new int[] {line, i - lineStart + 1});
            } else if (c == ')' && !open.isEmpty()) {
                open.pop();
            } else if (c == ';') {
                open.clear();
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        int[] at = open.peek();
        return "close the '(' at line " + at[0] + ", column " + at[1];
    }
}
