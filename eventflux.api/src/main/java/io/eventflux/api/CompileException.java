package io.eventflux.api;

import java.util.List;

/**
 * An app that does not compile. Carries every error found, each with its line, column, offending
 * name and a suggestion; {@link #getMessage()} lists them.
 */
public final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<CompileError> errors;

    public CompileException(List<CompileError> errors) {
        this(errors, null);
    }

    /**
     * Errors found in {@code source}: the message shows, under each error, its source line with a caret
     * under the column (see {@link CompileError#render(String)}).
     *
     * @param source the text the errors' lines and columns refer to, or null
     */
    public CompileException(List<CompileError> errors, String source) {
        super(render(errors, source));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a CompileException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public CompileException(CompileError error) {
        this(List.of(error));
    }

    public List<CompileError> errors() {
        return errors;
    }

    /** The first error's line (1-based, 0 if unknown). */
    public int line() {
        return errors.get(0).line();
    }

    /** The first error's column (1-based, 0 if unknown). */
    public int column() {
        return errors.get(0).column();
    }

    /** The first error's suggestion, or null. */
    public String suggestion() {
        return errors.get(0).suggestion();
    }

    private static String render(List<CompileError> errors, String source) {
        StringBuilder sb = new StringBuilder();
        for (CompileError e : errors) {
            if (sb.length() > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append(e.render(source));
        }
        return sb.toString();
    }
}
