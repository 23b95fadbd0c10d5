package io.eventflux.sql.internal.parser;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** SQL text to {@link Script}. Syntax errors become a {@link CompileException} with line and column. */
public final class SqlParser {

    /**
     * Parses a whole app script.
     *
     * @throws CompileException listing every syntax error (or the first AST-level problem, such as an unknown type)
     */
    public Script parse(String sql) throws CompileException {
        CollectingListener errors = new CollectingListener(sql);
        EventFluxSqlParser.ScriptContext tree = twoStage(sql, errors, EventFluxSqlParser::script);
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
        CollectingListener errors = new CollectingListener(text);
        EventFluxSqlParser.StandaloneExpressionContext tree = twoStage(text, errors,
                EventFluxSqlParser::standaloneExpression);
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
     * ANTLR's two-stage parse: SLL prediction first, which bails out at the first problem; only then full LL with
     * error recovery and reporting. SLL either yields the tree LL would, or fails (a real syntax error, or input
     * that needs LL's full context), so the result and the errors reported are LL's; SLL only builds less
     * prediction state, which makes a process's first compile (and large scripts) cheaper.
     *
     * @param errors collects the lexer's errors of the first stage, and everything of the second
     */
    private static <T extends ParserRuleContext> T twoStage(String text, CollectingListener errors,
            Function<EventFluxSqlParser, T> rule) {
        EventFluxSqlParser fast = parser(text, errors);
        fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
        fast.removeErrorListeners();
        fast.setErrorHandler(new BailErrorStrategy());
        try {
            return rule.apply(fast);
        } catch (ParseCancellationException e) {
            errors.errors.clear();
            EventFluxSqlParser full = parser(text, errors);
            full.addErrorListener(errors);
            return rule.apply(full);
        }
    }

    /** A parser over the text whose lexer reports to the listener; the parser itself has no listener. */
    private static EventFluxSqlParser parser(String text, CollectingListener errors) {
        EventFluxSqlLexer lexer = new EventFluxSqlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        EventFluxSqlParser parser = new EventFluxSqlParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        return parser;
    }

    /**
     * Keeps the first syntax error (ANTLR's recovery makes the later ones mostly echoes of it) and words it
     * for people: token names become words, "no viable alternative" names the offending token.
     */
    private static final class CollectingListener extends BaseErrorListener {
        private final List<CompileError> errors = new ArrayList<>();
        private final String text;

        CollectingListener(String text) {
            this.text = text;
        }

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
            String message;
            boolean unexpected = e instanceof NoViableAltException || msg.startsWith("extraneous input ")
                    || msg.startsWith("mismatched input ");
            if (unexpected && offending != null) {
                String expected = SyntaxWords.expected(recognizer, e);
                message = "unexpected " + (offending.equals("end of input") ? offending : "'" + offending + "'")
                        + (expected == null ? "" : ", expecting " + expected);
            } else {
                message = readable(msg);
            }
            if (offendingSymbol instanceof Token t && t.getType() == Token.EOF) {
                int[] end = endOfText();
                if (end != null) {
                    line = end[0];
                    charPositionInLine = end[1];
                }
            }
            String hint = null;
            if (offendingSymbol instanceof Token t && (t.getType() == Token.EOF || ";".equals(t.getText()))) {
                hint = Brackets.unclosed(text, t.getType() == Token.EOF ? text.length() : t.getStartIndex());
            }
            errors.add(new CompileError(line, charPositionInLine + 1, "syntax error: " + message, offending, hint));
        }

        /**
         * Where "end of input" is shown: just after the last character that is not white space (ANTLR's end-of-file
         * token sits after the trailing newline, on a line of its own), as {line, 0-based column}; null if blank.
         */
        private int[] endOfText() {
            int last = text.length() - 1;
            while (last >= 0 && Character.isWhitespace(text.charAt(last))) {
                last--;
            }
            if (last < 0) {
                return null;
            }
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < last; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new int[] {line, last + 1 - lineStart};
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
