package io.eventflux.sql.internal.parser;

import io.eventflux.api.AttributeType;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Duration;
import io.eventflux.sql.internal.ast.Identifier;
import io.eventflux.sql.internal.ast.TimeUnit;
import io.eventflux.sql.internal.ast.TypeName;
import io.eventflux.sql.plan.SourcePosition;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** Small conversions shared by the AST builders: positions, names, quoted strings, durations, types. */
final class AstSupport {
    private static final Map<String, AttributeType> TYPES = Map.ofEntries(
            Map.entry("STRING", AttributeType.STRING), Map.entry("VARCHAR", AttributeType.STRING),
            Map.entry("TEXT", AttributeType.STRING), Map.entry("CHAR", AttributeType.STRING),
            Map.entry("INT", AttributeType.INT), Map.entry("INTEGER", AttributeType.INT),
            Map.entry("SMALLINT", AttributeType.INT), Map.entry("TINYINT", AttributeType.INT),
            Map.entry("LONG", AttributeType.LONG), Map.entry("BIGINT", AttributeType.LONG),
            Map.entry("FLOAT", AttributeType.FLOAT), Map.entry("REAL", AttributeType.FLOAT),
            Map.entry("DOUBLE", AttributeType.DOUBLE), Map.entry("DECIMAL", AttributeType.DOUBLE),
            Map.entry("NUMERIC", AttributeType.DOUBLE), Map.entry("BOOL", AttributeType.BOOL),
            Map.entry("BOOLEAN", AttributeType.BOOL), Map.entry("OBJECT", AttributeType.OBJECT),
            Map.entry("TIMESTAMP", AttributeType.LONG), Map.entry("DATE", AttributeType.LONG),
            Map.entry("TIME", AttributeType.LONG));

    private AstSupport() {
    }

    static SourcePosition pos(Token token) {
        return new SourcePosition(token.getLine(), token.getCharPositionInLine() + 1);
    }

    static SourcePosition pos(ParserRuleContext ctx) {
        return pos(ctx.getStart());
    }

    /** The exact source text of a rule, whitespace included. */
    static String sourceText(ParserRuleContext ctx) {
        int stop = ctx.getStop() == null ? ctx.getStart().getStartIndex() - 1 : ctx.getStop().getStopIndex();
        return ctx.getStart().getInputStream().getText(Interval.of(ctx.getStart().getStartIndex(), stop));
    }

    static Identifier identifier(EventFluxSqlParser.IdentifierContext ctx) {
        return new Identifier(name(ctx), pos(ctx));
    }

    static String name(EventFluxSqlParser.IdentifierContext ctx) {
        if (ctx.QUOTED_ID() != null) {
            String t = ctx.QUOTED_ID().getText();
            return t.substring(1, t.length() - 1).replace("``", "`");
        }
        return ctx.getText();
    }

    static Identifier streamName(EventFluxSqlParser.StreamNameContext ctx) {
        return ctx.identifier() != null ? identifier(ctx.identifier()) : new Identifier(ctx.getText(), pos(ctx));
    }

    /** 'it''s' -> it's; "say ""hi""" -> say "hi". */
    static String unquote(String quoted) {
        char q = quoted.charAt(0);
        String body = quoted.substring(1, quoted.length() - 1);
        return body.replace(String.valueOf(q) + q, String.valueOf(q));
    }

    static TimeUnit timeUnit(EventFluxSqlParser.TimeUnitContext ctx) {
        return TimeUnit.of(ctx.getText());
    }

    static Duration duration(EventFluxSqlParser.DurationContext ctx) {
        TimeUnit unit = timeUnit(ctx.timeUnit());
        long amount;
        if (ctx.INTERVAL() != null) {
            String text = unquote(ctx.STRING_LITERAL().getText()).trim();
            try {
                amount = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new CompileProblem(pos(ctx.STRING_LITERAL().getSymbol()),
                        "INTERVAL needs a whole number, was '" + text + "'", text, null);
            }
        } else {
            amount = parseLong(ctx.INTEGER_LITERAL().getSymbol(), ctx.INTEGER_LITERAL().getText());
        }
        return new Duration(Math.multiplyExact(amount, unit.millis()), pos(ctx));
    }

    static Duration period(EventFluxSqlParser.PeriodContext ctx) {
        if (ctx.duration() != null) {
            return duration(ctx.duration());
        }
        return new Duration(parseLong(ctx.INTEGER_LITERAL().getSymbol(), ctx.INTEGER_LITERAL().getText()), pos(ctx));
    }

    static long parseLong(Token token, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new CompileProblem(pos(token), "number " + digits + " is out of range", digits, null);
        }
    }

    static TypeName typeName(EventFluxSqlParser.TypeNameContext ctx) {
        String written = name(ctx.identifier());
        AttributeType type = TYPES.get(written.toUpperCase(Locale.ROOT));
        if (type == null) {
            throw new CompileProblem(pos(ctx), "unknown type '" + written + "'", written,
                    io.eventflux.sql.internal.Suggestions.hint(written.toUpperCase(Locale.ROOT), TYPES.keySet()));
        }
        return new TypeName(written, type, pos(ctx));
    }
}
