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
}
