package io.eventflux.engine.internal.window;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowCondition;
import io.eventflux.api.window.WindowConditions;
import io.eventflux.sql.SqlCompiler;
import java.util.stream.Collectors;

/** Window conditions over one input schema: typed by the SQL compiler, run by {@link CompiledCondition}. */
public final class SqlWindowConditions implements WindowConditions {
    private final SqlCompiler compiler;
    private final StreamSchema input;

    public SqlWindowConditions(SqlCompiler compiler, StreamSchema input) {
        this.compiler = compiler;
        this.input = input;
    }

    @Override
    public WindowCondition compile(String expression) {
        try {
            return new CompiledCondition(compiler.compileCondition(expression, input));
        } catch (CompileException e) {
            throw new ExtensionException("condition '" + expression + "': " + e.errors().stream()
                    .map(SqlWindowConditions::describe).collect(Collectors.joining("; ")), e);
        }
    }

    /** "unknown attribute 'volum' in stream 'Trades' at column 5 (did you mean 'volume'?)". */
    private static String describe(CompileError error) {
        StringBuilder sb = new StringBuilder(error.message());
        if (error.line() > 1) {
            sb.append(" at line ").append(error.line()).append(", column ").append(error.column());
        } else if (error.column() > 0) {
            sb.append(" at column ").append(error.column());
        }
        if (error.suggestion() != null) {
            sb.append(" (").append(error.suggestion()).append(')');
        }
        return sb.toString();
    }
}
