package io.eventflux.sql.internal.parser;

import static io.eventflux.sql.internal.parser.AstSupport.pos;

import io.eventflux.sql.internal.ast.Annotation;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.Identifier;
import io.eventflux.sql.internal.ast.Select;
import io.eventflux.sql.internal.ast.Statement;
import io.eventflux.sql.plan.OutputPlan.EventSelection;
import java.util.ArrayList;
import java.util.List;

/** Builds queries: INSERT .. SELECT, the SELECT clauses, and the table statements UPDATE, DELETE, UPSERT. */
final class QueryBuilder {
    private final ExpressionBuilder expressions;
    private final SourceBuilder sources;

    QueryBuilder(ExpressionBuilder expressions, SourceBuilder sources) {
        this.expressions = expressions;
        this.sources = sources;
    }

    Statement.Query query(EventFluxSqlParser.QueryContext ctx, List<Annotation> annotations) {
        Statement.Insert insert = null;
        EventFluxSqlParser.InsertClauseContext in = ctx.insertClause();
        if (in != null) {
            EventSelection events = EventSelection.CURRENT;
            if (in.eventSelection() != null) {
                events = in.eventSelection().EXPIRED() != null ? EventSelection.EXPIRED
                        : in.eventSelection().ALL() != null ? EventSelection.ALL : EventSelection.CURRENT;
            }
            insert = new Statement.Insert(AstSupport.streamName(in.streamName()), events, pos(in));
        }
        return new Statement.Query(insert, select(ctx.selectQuery()), annotations, pos(ctx));
    }

    Select select(EventFluxSqlParser.SelectQueryContext ctx) {
        List<Select.SelectItem> items = new ArrayList<>();
        for (EventFluxSqlParser.SelectItemContext item : ctx.selectItem()) {
            items.add(selectItem(item));
        }
        List<Select.OrderItem> order = new ArrayList<>();
        for (EventFluxSqlParser.OrderItemContext o : ctx.orderItem()) {
            order.add(new Select.OrderItem(expressions.build(o.expression()), o.DESC() != null, pos(o)));
        }
        List<Expr> groupBy = ctx.GROUP() == null ? List.of() : groupBy(ctx);
        return new Select(ctx.DISTINCT() != null, items, sources.build(ctx.source()), expressions.build(ctx.where),
                groupBy, expressions.build(ctx.having), order, number(ctx.limit), number(ctx.offset),
                outputRate(ctx.outputRate()), pos(ctx));
    }

    /** GROUP BY expressions: those between GROUP BY and the next clause (WHERE and HAVING are labelled). */
    private List<Expr> groupBy(EventFluxSqlParser.SelectQueryContext ctx) {
        List<Expr> out = new ArrayList<>();
        for (EventFluxSqlParser.ExpressionContext e : ctx.expression()) {
            if (e != ctx.where && e != ctx.having) {
                out.add(expressions.build(e));
            }
        }
        return out;
    }

    private static Long number(org.antlr.v4.runtime.Token t) {
        return t == null ? null : AstSupport.parseLong(t, t.getText());
    }

    private Select.SelectItem selectItem(EventFluxSqlParser.SelectItemContext ctx) {
        if (ctx instanceof EventFluxSqlParser.StarItemContext) {
            return new Select.Star(null, pos(ctx));
        }
        if (ctx instanceof EventFluxSqlParser.QualifiedStarItemContext q) {
            return new Select.Star(AstSupport.identifier(q.identifier()), pos(ctx));
        }
        EventFluxSqlParser.ExpressionItemContext e = (EventFluxSqlParser.ExpressionItemContext) ctx;
        Identifier alias = e.alias == null ? null : AstSupport.identifier(e.alias);
        return new Select.Column(expressions.build(e.expression()), alias, pos(ctx));
    }

    private static Select.OutputRate outputRate(EventFluxSqlParser.OutputRateContext ctx) {
        if (ctx == null) {
            return null;
        }
        EventFluxSqlParser.OutputModeContext m = ctx.outputMode();
        Select.OutputRate.Mode mode = m.ALL() != null ? Select.OutputRate.Mode.ALL
                : m.FIRST() != null ? Select.OutputRate.Mode.FIRST
                : m.LAST() != null ? Select.OutputRate.Mode.LAST : Select.OutputRate.Mode.SNAPSHOT;
        if (ctx.EVENTS() != null) {
            return new Select.OutputRate(mode, AstSupport.parseLong(ctx.INTEGER_LITERAL().getSymbol(),
                    ctx.INTEGER_LITERAL().getText()), 0, pos(ctx));
        }
        return new Select.OutputRate(mode, 0, AstSupport.period(ctx.period()).millis(), pos(ctx));
    }

    Statement.Update update(EventFluxSqlParser.UpdateStatementContext ctx, List<Annotation> annotations) {
        List<Statement.Assignment> sets = new ArrayList<>();
        for (EventFluxSqlParser.AssignmentContext a : ctx.assignment()) {
            sets.add(new Statement.Assignment(ExpressionBuilder.column(a.qualifiedName()),
                    expressions.build(a.expression())));
        }
        return new Statement.Update(AstSupport.streamName(ctx.streamName()), sets, sources.build(ctx.source()),
                expressions.build(ctx.expression()), annotations, pos(ctx));
    }

    Statement.Delete delete(EventFluxSqlParser.DeleteStatementContext ctx, List<Annotation> annotations) {
        return new Statement.Delete(AstSupport.streamName(ctx.streamName()), sources.build(ctx.source()),
                expressions.build(ctx.expression()), annotations, pos(ctx));
    }

    Statement.Upsert upsert(EventFluxSqlParser.UpsertStatementContext ctx, List<Annotation> annotations) {
        return new Statement.Upsert(AstSupport.streamName(ctx.streamName()), select(ctx.selectQuery()),
                expressions.build(ctx.expression()), annotations, pos(ctx));
    }
}
