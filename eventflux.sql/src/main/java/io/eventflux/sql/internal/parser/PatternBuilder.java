package io.eventflux.sql.internal.parser;

import static io.eventflux.sql.internal.parser.AstSupport.pos;

import io.eventflux.sql.internal.ast.Pattern;
import io.eventflux.sql.internal.ast.Pattern.Quantifier;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link Pattern} trees from PATTERN(...) / SEQUENCE(...) bodies. */
final class PatternBuilder extends EventFluxSqlBaseVisitor<Pattern> {
    private final ExpressionBuilder expressions;

    PatternBuilder(ExpressionBuilder expressions) {
        this.expressions = expressions;
    }

    @Override
    public Pattern visitPattern(EventFluxSqlParser.PatternContext ctx) {
        if (ctx.patternOr().size() == 1) {
            return visit(ctx.patternOr(0));
        }
        List<Pattern> steps = new ArrayList<>();
        for (EventFluxSqlParser.PatternOrContext step : ctx.patternOr()) {
            steps.add(visit(step));
        }
        return new Pattern.FollowedBy(steps, pos(ctx));
    }

    @Override
    public Pattern visitPatternOr(EventFluxSqlParser.PatternOrContext ctx) {
        Pattern result = visit(ctx.patternAnd(0));
        for (int i = 1; i < ctx.patternAnd().size(); i++) {
            result = new Pattern.Or(result, visit(ctx.patternAnd(i)), pos(ctx.OR(i - 1).getSymbol()));
        }
        return result;
    }

    @Override
    public Pattern visitPatternAnd(EventFluxSqlParser.PatternAndContext ctx) {
        Pattern result = visit(ctx.patternUnary(0));
        for (int i = 1; i < ctx.patternUnary().size(); i++) {
            result = new Pattern.And(result, visit(ctx.patternUnary(i)), pos(ctx.AND(i - 1).getSymbol()));
        }
        return result;
    }

    @Override
    public Pattern visitEveryPattern(EventFluxSqlParser.EveryPatternContext ctx) {
        return new Pattern.Every(visit(ctx.patternUnary()), pos(ctx));
    }

    @Override
    public Pattern visitAbsentPattern(EventFluxSqlParser.AbsentPatternContext ctx) {
        return new Pattern.Absent(AstSupport.streamName(ctx.streamName()), expressions.build(ctx.expression()),
                ctx.period() == null ? null : AstSupport.period(ctx.period()), pos(ctx));
    }

    @Override
    public Pattern visitGroupPattern(EventFluxSqlParser.GroupPatternContext ctx) {
        return visit(ctx.pattern());
    }

    @Override
    public Pattern visitStreamPattern(EventFluxSqlParser.StreamPatternContext ctx) {
        return new Pattern.StreamElement(ctx.ref == null ? null : AstSupport.identifier(ctx.ref),
                AstSupport.streamName(ctx.streamName()), expressions.build(ctx.expression()),
                quantifier(ctx.quantifier()), pos(ctx));
    }

    private static Quantifier quantifier(EventFluxSqlParser.QuantifierContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx instanceof EventFluxSqlParser.ExactCountContext c) {
            int n = count(c.INTEGER_LITERAL());
            return new Quantifier(n, n);
        }
        if (ctx instanceof EventFluxSqlParser.RangeCountContext c) {
            return new Quantifier(count(c.INTEGER_LITERAL(0)), count(c.INTEGER_LITERAL(1)));
        }
        if (ctx instanceof EventFluxSqlParser.AtLeastCountContext c) {
            return new Quantifier(count(c.INTEGER_LITERAL()), Quantifier.UNBOUNDED);
        }
        if (ctx instanceof EventFluxSqlParser.OneOrMoreContext) {
            return new Quantifier(1, Quantifier.UNBOUNDED);
        }
        if (ctx instanceof EventFluxSqlParser.ZeroOrMoreContext) {
            return new Quantifier(0, Quantifier.UNBOUNDED);
        }
        return new Quantifier(0, 1);
    }

    private static int count(org.antlr.v4.runtime.tree.TerminalNode n) {
        return Math.toIntExact(AstSupport.parseLong(n.getSymbol(), n.getText()));
    }

    Pattern.Within within(EventFluxSqlParser.WithinContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx.EVENTS() != null) {
            return new Pattern.Within(null, AstSupport.parseLong(ctx.INTEGER_LITERAL().getSymbol(),
                    ctx.INTEGER_LITERAL().getText()), pos(ctx));
        }
        return new Pattern.Within(AstSupport.period(ctx.period()).millis(), null, pos(ctx));
    }
}
