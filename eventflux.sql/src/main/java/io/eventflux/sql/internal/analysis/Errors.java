package io.eventflux.sql.internal.analysis;

import io.eventflux.api.CompileError;
import io.eventflux.sql.internal.CompileProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** The errors of one compilation, so that one run reports several independent problems. */
final class Errors {
    private final List<CompileError> errors = new ArrayList<>();

    void add(CompileProblem problem) {
        errors.add(problem.error());
    }

    /** Runs one independent step; a problem is recorded and the result is null. */
    <T> T attempt(Supplier<T> step) {
        try {
            return step.get();
        } catch (CompileProblem problem) {
            add(problem);
            return null;
        }
    }

    void attempt(Runnable step) {
        try {
            step.run();
        } catch (CompileProblem problem) {
            add(problem);
        }
    }

    int count() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** In source order (a stable sort keeps the order of errors at the same place). */
    List<CompileError> sorted() {
        List<CompileError> copy = new ArrayList<>(errors);
        copy.sort(Comparator.comparingInt(CompileError::line).thenComparingInt(CompileError::column));
        return copy;
    }
}
