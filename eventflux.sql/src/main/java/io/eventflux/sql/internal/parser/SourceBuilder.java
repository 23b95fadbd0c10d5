package io.eventflux.sql.internal.parser;

import static io.eventflux.sql.internal.parser.AstSupport.pos;

import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.Source;
import io.eventflux.sql.internal.ast.Source.JoinType;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link Source} trees: streams with windows and aliases, joins, patterns and sequences. */
final class SourceBuilder extends EventFluxSqlBaseVisitor<Source> {
    private final ExpressionBuilder expressions;
    private final PatternBuilder patterns;

    SourceBuilder(ExpressionBuilder expressions, PatternBuilder patterns) {
        this.expressions = expressions;
        this.patterns = patterns;
    }

    Source build(EventFluxSqlParser.SourceContext ctx) {
        return ctx == null ? null : visit(ctx);
    }

    @Override
    public Source visitPatternSource(EventFluxSqlParser.PatternSourceContext ctx) {
        return new Source.PatternSource(false, patterns.visit(ctx.pattern()), patterns.within(ctx.within()),
                pos(ctx));
    }

    @Override
    public Source visitSequenceSource(EventFluxSqlParser.SequenceSourceContext ctx) {
        return new Source.PatternSource(true, patterns.visit(ctx.pattern()), patterns.within(ctx.within()),
                pos(ctx));
    }

    @Override
    public Source visitAggregationSource(EventFluxSqlParser.AggregationSourceContext ctx) {
        return new Source.AggregationSource(AstSupport.streamName(ctx.streamName()),
                ctx.alias == null ? null : AstSupport.identifier(ctx.alias), within(ctx.aggregationWithin()), pos(ctx));
    }

    private Source.AggregationWithin within(EventFluxSqlParser.AggregationWithinContext w) {
        if (w == null) {
            return null;
        }
        List<Expr> bounds = expressions.buildAll(w.expression());
        return w.COMMA() == null
                ? new Source.AggregationWithin(bounds.get(0), null, bounds.get(1), pos(w))
                : new Source.AggregationWithin(bounds.get(0), bounds.get(1), bounds.get(2), pos(w));
    }

    @Override
    public Source visitJoinedSource(EventFluxSqlParser.JoinedSourceContext ctx) {
        return joins(visitStreamSource(ctx.streamSource()), ctx.joinPart());
    }

    @Override
    public Source visitPatternJoinSource(EventFluxSqlParser.PatternJoinSourceContext ctx) {
        EventFluxSqlParser.PatternSideContext side = ctx.patternSide();
        Source.PatternSource pattern = new Source.PatternSource(side.SEQUENCE() != null, patterns.visit(side.pattern()),
                patterns.within(side.within()), pos(side));
        return joins(new Source.PatternSide(pattern, AstSupport.identifier(side.alias), window(side.windowCall()),
                side.UNIDIRECTIONAL() != null, pos(side)), ctx.joinPart());
    }

    private Source joins(Source first, List<EventFluxSqlParser.JoinPartContext> parts) {
        Source result = first;
        for (EventFluxSqlParser.JoinPartContext join : parts) {
            if (join.patternSide() != null) {
                throw new CompileProblem(pos(join.patternSide()), "a pattern must be the first input of a join",
                        join.patternSide().getStart().getText(),
                        "write FROM PATTERN (...) AS p JOIN ... (swap the inputs; LEFT and RIGHT swap too)");
            }
            Source.AggregationWithin within = within(join.aggregationWithin());
            result = new Source.Join(result, joinType(join.joinType()), visitStreamSource(join.streamSource()),
                    expressions.build(join.expression()), within, pos(join.JOIN().getSymbol()));
        }
        return result;
    }

    private static JoinType joinType(EventFluxSqlParser.JoinTypeContext ctx) {
        if (ctx == null || ctx.INNER() != null) {
            return JoinType.INNER;
        }
        if (ctx.LEFT() != null) {
            return JoinType.LEFT_OUTER;
        }
        return ctx.RIGHT() != null ? JoinType.RIGHT_OUTER : JoinType.FULL_OUTER;
    }

    @Override
    public Source.StreamSource visitStreamSource(EventFluxSqlParser.StreamSourceContext ctx) {
        Source.WindowCall window = window(ctx.windowCall());
        return new Source.StreamSource(AstSupport.streamName(ctx.streamName()),
                ctx.alias == null ? null : AstSupport.identifier(ctx.alias), window, ctx.UNIDIRECTIONAL() != null,
                pos(ctx));
    }

    private Source.WindowCall window(EventFluxSqlParser.WindowCallContext w) {
        if (w == null) {
            return null;
        }
        List<Expr> args = new ArrayList<>(expressions.buildAll(w.expression()));
        return new Source.WindowCall(AstSupport.unquote(w.STRING_LITERAL().getText()), args,
                pos(w.STRING_LITERAL().getSymbol()));
    }
}
