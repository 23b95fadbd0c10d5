package io.eventflux.sql.internal.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * What the parser expected at a syntax error, in plain words: "INTO, ALL, CURRENT or EXPIRED", "')'", "a name"
 * (the soft keywords that may also be names are folded into "a name").
 */
final class SyntaxWords {
    /** More alternatives than this say nothing useful: the message then only names the unexpected token. */
    private static final int MAX_WORDS = 6;

    private SyntaxWords() {
    }

    /** The expected tokens as words joined with ", " and " or ", or null when unknown or too many. */
    static String expected(Recognizer<?, ?> recognizer, RecognitionException e) {
        if (!(recognizer instanceof Parser parser)) {
            return null;
        }
        IntervalSet set;
        try {
            set = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
        } catch (RuntimeException notKnown) {
            return null;
        }
        if (set == null || set.isNil()) {
            return null;
        }
        Vocabulary vocabulary = parser.getVocabulary();
        boolean names = set.contains(EventFluxSqlLexer.ID);
        IntervalSet softKeywords = names
                ? parser.getATN().nextTokens(parser.getATN().ruleToStartState[EventFluxSqlParser.RULE_nonReserved])
                : IntervalSet.EMPTY_SET;
        Set<String> words = new LinkedHashSet<>();
        for (int type : set.toList()) {
            String word = softKeywords.contains(type) ? null : word(vocabulary, type);
            if (word != null) {
                words.add(word);
            }
        }
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return null;
        }
        List<String> list = new ArrayList<>(words);
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
    }

    private static String word(Vocabulary vocabulary, int type) {
        if (type == Token.EOF) {
            return "end of input";
        }
        if (type == EventFluxSqlLexer.ID || type == EventFluxSqlLexer.QUOTED_ID) {
            return "a name";
        }
        if (type == EventFluxSqlLexer.INNER_STREAM_ID) {
            return "an inner stream (#Name)";
        }
        if (type == EventFluxSqlLexer.INTEGER_LITERAL) {
            return "an integer";
        }
        if (type == EventFluxSqlLexer.LONG_LITERAL || type == EventFluxSqlLexer.FLOAT_LITERAL
                || type == EventFluxSqlLexer.DOUBLE_LITERAL) {
            return "a number";
        }
        if (type == EventFluxSqlLexer.STRING_LITERAL) {
            return "a 'string'";
        }
        if (type == EventFluxSqlLexer.DQ_STRING) {
            return "a \"string\"";
        }
        String literal = vocabulary.getLiteralName(type);
        String text = literal != null ? literal.substring(1, literal.length() - 1) : vocabulary.getSymbolicName(type);
        if (text == null) {
            return null;
        }
        if (text.chars().allMatch(Character::isLetter)) {
            return text.toUpperCase(Locale.ROOT); // a keyword
        }
        return literal != null ? "'" + text + "'" : text.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
