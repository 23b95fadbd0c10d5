package io.eventflux.sql.plan;

/** A 1-based line and column in the app's SQL text. */
public record SourcePosition(int line, int column) {
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
