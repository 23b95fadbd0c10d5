package io.eventflux.sql.internal.parser;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Script;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** SQL text to {@link Script}. Syntax errors become a {@link CompileException} with line and column. */
public final class SqlParser {

    /**
     * Parses a whole app script.
     *
     * @throws CompileException listing every syntax error (or the first AST-level problem, such as an unknown type)
     */
    public Script parse(String sql) throws CompileException {
        CollectingListener errors = new CollectingListener();
        EventFluxSqlLexer lexer = new EventFluxSqlLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        EventFluxSqlParser parser = new EventFluxSqlParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        EventFluxSqlParser.ScriptContext tree = parser.script();
        if (!errors.errors.isEmpty()) {
            throw new CompileException(errors.errors);
        }
        try {
            return new ScriptBuilder().script(tree);
        } catch (CompileProblem problem) {
            throw new CompileException(problem.error());
        }
    }

    /** Turns ANTLR's reports into compile errors; shortens "expecting {a, b, ...}" when the set is long. */
    private static final class CollectingListener extends BaseErrorListener {
        private static final int MAX_ERRORS = 10;
        private final List<CompileError> errors = new ArrayList<>();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                String msg, RecognitionException e) {
            if (errors.size() >= MAX_ERRORS) {
                return;
            }
            String offending = null;
            if (offendingSymbol instanceof Token t) {
                offending = t.getType() == Token.EOF ? "<end of input>" : t.getText();
            }
            errors.add(new CompileError(line, charPositionInLine + 1, "syntax error: " + shorten(msg), offending, null));
        }

        private static String shorten(String msg) {
            int brace = msg.indexOf("expecting {");
            if (brace >= 0) {
                String set = msg.substring(brace + "expecting {".length(), msg.lastIndexOf('}'));
                String[] alternatives = set.split(", ");
                if (alternatives.length > 8) {
                    return msg.substring(0, brace).trim();
                }
            }
            return msg.replace("<EOF>", "end of input");
        }
    }
}
