package io.eventflux.sql.internal.parser;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.Script;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.NoViableAltException;
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

    /**
     * Parses one expression standing alone (a window condition); positions are within {@code text}.
     *
     * @throws CompileException for a syntax error or text after the expression
     */
    public Expr parseExpression(String text) throws CompileException {
        CollectingListener errors = new CollectingListener();
        EventFluxSqlLexer lexer = new EventFluxSqlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        EventFluxSqlParser parser = new EventFluxSqlParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        EventFluxSqlParser.StandaloneExpressionContext tree = parser.standaloneExpression();
        if (!errors.errors.isEmpty()) {
            throw new CompileException(errors.errors);
        }
        try {
            return new ExpressionBuilder().build(tree.expression());
        } catch (CompileProblem problem) {
            throw new CompileException(problem.error());
        }
    }

    /**
     * Keeps the first syntax error (ANTLR's recovery makes the later ones mostly echoes of it) and words it
     * for people: token names become words, "no viable alternative" names the offending token.
     */
    private static final class CollectingListener extends BaseErrorListener {
        private final List<CompileError> errors = new ArrayList<>();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                String msg, RecognitionException e) {
            if (!errors.isEmpty()) {
                return;
            }
            String offending = null;
            if (offendingSymbol instanceof Token t) {
                offending = t.getType() == Token.EOF ? "end of input" : t.getText();
            }
            String message = e instanceof NoViableAltException && offending != null
                    ? "unexpected " + (offending.equals("end of input") ? offending : "'" + offending + "'")
                    : readable(msg);
            errors.add(new CompileError(line, charPositionInLine + 1, "syntax error: " + message, offending, null));
        }

        private static String readable(String msg) {
            String m = msg.replace("extraneous input ", "unexpected ").replace("mismatched input ", "unexpected ")
                    .replace("<EOF>", "end of input").replace("'end of input'", "end of input")
                    .replace("INTEGER_LITERAL", "an integer").replace("STRING_LITERAL", "a 'string'")
                    .replace("DQ_STRING", "a \"string\"");
            int brace = m.indexOf("expecting {");
            if (brace >= 0 && m.substring(brace).split(",").length > 8) {
                return m.substring(0, brace).trim();
            }
            return m;
        }
    }
}
