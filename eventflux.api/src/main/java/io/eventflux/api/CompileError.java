package io.eventflux.api;

/**
 * One problem found while compiling an app.
 *
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 * @param message what is wrong
 * @param offendingName the identifier at fault, or null
 * @param suggestion the nearest valid name or a hint, or null
 */
public record CompileError(int line, int column, String message, String offendingName, String suggestion) {

    /** "line 2, column 24: unknown attribute 'pricee' (did you mean 'price'?)". */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (line > 0) {
            sb.append("line ").append(line).append(", column ").append(column).append(": ");
        }
        sb.append(message);
        if (suggestion != null && !suggestion.isEmpty()) {
            sb.append(" (").append(suggestion).append(')');
        }
        return sb.toString();
    }

    /**
     * {@link #format()} followed by the offending source line and a caret under the column, spanning the
     * offending name ({@code ^~~~}) when the name stands there:
     * <pre>
     * line 2, column 15: unknown stream 'Trade' (did you mean 'Trades'?)
     *   SELECT * FROM Trade;
     *                 ^~~~~
     * </pre>
     * Just {@link #format()} when the position is unknown or outside {@code source}.
     *
     * @param source the text the line and column refer to, or null
     */
    public String render(String source) {
        String text = sourceLine(source, line);
        if (text == null || column < 1 || column > text.length() + 1) {
            return format();
        }
        StringBuilder sb = new StringBuilder(format()).append(System.lineSeparator());
        sb.append("  ").append(text).append(System.lineSeparator()).append("  ");
        for (int i = 0; i < column - 1; i++) {
            sb.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        sb.append('^');
        for (int i = 1; i < span(text); i++) {
            sb.append('~');
        }
        return sb.toString();
    }

    /** How many characters the caret covers: the offending name (quoted or not) when it is at the column. */
    private int span(String text) {
        if (offendingName == null || offendingName.isEmpty()) {
            return 1;
        }
        int at = column - 1;
        int n = offendingName.length();
        int end = at;
        while (end < text.length() && isNamePart(text.charAt(end))) {
            end++;
        }
        boolean wholeName = at + n >= text.length() || !Character.isLetterOrDigit(text.charAt(at + n))
                && text.charAt(at + n) != '_' || !Character.isLetterOrDigit(offendingName.charAt(n - 1));
        if (text.regionMatches(true, at, offendingName, 0, n) && wholeName) {
            return n;
        }
        String token = text.substring(at, end);
        if (token.length() > n && token.regionMatches(true, token.length() - n, offendingName, 0, n)
                && token.charAt(token.length() - n - 1) == ':') {
            return token.length(); // library:name
        }
        boolean quoted = at < text.length() && "`\"'".indexOf(text.charAt(at)) >= 0;
        if (quoted && text.regionMatches(true, at + 1, offendingName, 0, n)
                && at + n + 1 < text.length() && text.charAt(at + n + 1) == text.charAt(at)) {
            return n + 2;
        }
        return 1;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '#';
    }

    /** The 1-based line of {@code source} without its line terminator, or null. */
    private static String sourceLine(String source, int line) {
        if (source == null || line < 1) {
            return null;
        }
        int start = 0;
        for (int i = 1; i < line; i++) {
            int nl = source.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        int end = source.indexOf('\n', start);
        String text = source.substring(start, end < 0 ? source.length() : end);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
