package io.eventflux.sql.internal.parser;

import static io.eventflux.sql.internal.parser.AstSupport.pos;

import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.Expr.LiteralKind;
import io.eventflux.sql.internal.parser.EventFluxSqlParser.AdditiveContext;
import io.eventflux.sql.internal.parser.EventFluxSqlParser.MultiplicativeContext;
import io.eventflux.sql.plan.TypedExpr.BinaryOp;
import io.eventflux.sql.plan.TypedExpr.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds {@link Expr} trees from the expression rules (precedence is already in the grammar). */
final class ExpressionBuilder extends EventFluxSqlBaseVisitor<Expr> {

    Expr build(EventFluxSqlParser.ExpressionContext ctx) {
        return ctx == null ? null : visit(ctx);
    }

    List<Expr> buildAll(List<EventFluxSqlParser.ExpressionContext> contexts) {
        List<Expr> out = new ArrayList<>(contexts.size());
        for (EventFluxSqlParser.ExpressionContext c : contexts) {
            out.add(visit(c));
        }
        return out;
    }

    @Override
    public Expr visitExpression(EventFluxSqlParser.ExpressionContext ctx) {
        return visit(ctx.orExpr());
    }

    @Override
    public Expr visitOrExpr(EventFluxSqlParser.OrExprContext ctx) {
        Expr result = visit(ctx.andExpr(0));
        for (int i = 1; i < ctx.andExpr().size(); i++) {
            result = new Expr.Binary(BinaryOp.OR, result, visit(ctx.andExpr(i)), pos(ctx.OR(i - 1).getSymbol()));
        }
        return result;
    }

    @Override
    public Expr visitAndExpr(EventFluxSqlParser.AndExprContext ctx) {
        Expr result = visit(ctx.notExpr(0));
        for (int i = 1; i < ctx.notExpr().size(); i++) {
            result = new Expr.Binary(BinaryOp.AND, result, visit(ctx.notExpr(i)), pos(ctx.AND(i - 1).getSymbol()));
        }
        return result;
    }

    @Override
    public Expr visitNotExpr(EventFluxSqlParser.NotExprContext ctx) {
        if (ctx.NOT() != null) {
            return new Expr.Unary(UnaryOp.NOT, visit(ctx.notExpr()), pos(ctx));
        }
        return visit(ctx.predicate());
    }

    @Override
    public Expr visitComparePredicate(EventFluxSqlParser.ComparePredicateContext ctx) {
        Token op = ctx.comparisonOp().getStart();
        BinaryOp binary = switch (op.getType()) {
            case EventFluxSqlParser.EQ, EventFluxSqlParser.EQEQ -> BinaryOp.EQ;
            case EventFluxSqlParser.NEQ, EventFluxSqlParser.LTGT -> BinaryOp.NE;
            case EventFluxSqlParser.LT -> BinaryOp.LT;
            case EventFluxSqlParser.LE -> BinaryOp.LE;
            case EventFluxSqlParser.GT -> BinaryOp.GT;
            default -> BinaryOp.GE;
        };
        return new Expr.Binary(binary, visit(ctx.additive(0)), visit(ctx.additive(1)), pos(op));
    }

    @Override
    public Expr visitIsNullPredicate(EventFluxSqlParser.IsNullPredicateContext ctx) {
        return new Expr.IsNull(visit(ctx.additive()), ctx.NOT() != null, pos(ctx.IS().getSymbol()));
    }

    @Override
    public Expr visitLikePredicate(EventFluxSqlParser.LikePredicateContext ctx) {
        return new Expr.Like(visit(ctx.additive(0)), visit(ctx.additive(1)), ctx.NOT() != null,
                pos(ctx.LIKE().getSymbol()));
    }

    @Override
    public Expr visitInPredicate(EventFluxSqlParser.InPredicateContext ctx) {
        return new Expr.In(visit(ctx.additive()), buildAll(ctx.expression()), ctx.NOT() != null,
                pos(ctx.IN().getSymbol()));
    }

    @Override
    public Expr visitBetweenPredicate(EventFluxSqlParser.BetweenPredicateContext ctx) {
        return new Expr.Between(visit(ctx.additive(0)), visit(ctx.additive(1)), visit(ctx.additive(2)),
                ctx.NOT() != null, pos(ctx.BETWEEN().getSymbol()));
    }

    @Override
    public Expr visitPlainPredicate(EventFluxSqlParser.PlainPredicateContext ctx) {
        return visit(ctx.additive());
    }

    @Override
    public Expr visitAdditive(AdditiveContext ctx) {
        return foldBinary(ctx);
    }

    @Override
    public Expr visitMultiplicative(MultiplicativeContext ctx) {
        return foldBinary(ctx);
    }

    /** operand (op operand)* folded to the left. */
    private Expr foldBinary(org.antlr.v4.runtime.ParserRuleContext ctx) {
        Expr result = visit(ctx.getChild(0));
        for (int i = 1; i + 1 < ctx.getChildCount(); i += 2) {
            Token op = ((TerminalNode) ctx.getChild(i)).getSymbol();
            BinaryOp binary = switch (op.getType()) {
                case EventFluxSqlParser.PLUS -> BinaryOp.ADD;
                case EventFluxSqlParser.MINUS -> BinaryOp.SUBTRACT;
                case EventFluxSqlParser.STAR -> BinaryOp.MULTIPLY;
                case EventFluxSqlParser.SLASH -> BinaryOp.DIVIDE;
                default -> BinaryOp.MODULO;
            };
            result = new Expr.Binary(binary, result, visit(ctx.getChild(i + 1)), pos(op));
        }
        return result;
    }

    @Override
    public Expr visitUnary(EventFluxSqlParser.UnaryContext ctx) {
        if (ctx.primary() != null) {
            return visit(ctx.primary());
        }
        Expr operand = visit(ctx.unary());
        return ctx.MINUS() != null ? new Expr.Unary(UnaryOp.NEGATE, operand, pos(ctx)) : operand;
    }

    @Override
    public Expr visitDurationPrimary(EventFluxSqlParser.DurationPrimaryContext ctx) {
        return new Expr.DurationLiteral(AstSupport.duration(ctx.duration()).millis(), pos(ctx));
    }

    @Override
    public Expr visitLiteralPrimary(EventFluxSqlParser.LiteralPrimaryContext ctx) {
        return literal(ctx.literal().getStart());
    }

    static Expr.Literal literal(Token t) {
        String text = t.getText();
        return switch (t.getType()) {
            case EventFluxSqlParser.INTEGER_LITERAL -> {
                long v = AstSupport.parseLong(t, text);
                yield v <= Integer.MAX_VALUE ? new Expr.Literal((int) v, LiteralKind.INT, pos(t))
                        : new Expr.Literal(v, LiteralKind.LONG, pos(t));
            }
            case EventFluxSqlParser.LONG_LITERAL ->
                new Expr.Literal(AstSupport.parseLong(t, text.substring(0, text.length() - 1)), LiteralKind.LONG, pos(t));
            case EventFluxSqlParser.FLOAT_LITERAL ->
                new Expr.Literal(Float.parseFloat(text.substring(0, text.length() - 1)), LiteralKind.FLOAT, pos(t));
            case EventFluxSqlParser.DOUBLE_LITERAL -> {
                String digits = text.toUpperCase(Locale.ROOT).endsWith("D") ? text.substring(0, text.length() - 1) : text;
                yield new Expr.Literal(Double.parseDouble(digits), LiteralKind.DOUBLE, pos(t));
            }
            case EventFluxSqlParser.STRING_LITERAL, EventFluxSqlParser.DQ_STRING ->
                new Expr.Literal(AstSupport.unquote(text), LiteralKind.STRING, pos(t));
            case EventFluxSqlParser.TRUE -> new Expr.Literal(Boolean.TRUE, LiteralKind.BOOL, pos(t));
            case EventFluxSqlParser.FALSE -> new Expr.Literal(Boolean.FALSE, LiteralKind.BOOL, pos(t));
            case EventFluxSqlParser.NULL -> new Expr.Literal(null, LiteralKind.NULL, pos(t));
            default -> throw new CompileProblem(pos(t), "not a literal: " + text, text, null);
        };
    }

    @Override
    public Expr visitCastPrimary(EventFluxSqlParser.CastPrimaryContext ctx) {
        return new Expr.Cast(visit(ctx.expression()), AstSupport.typeName(ctx.typeName()), pos(ctx));
    }

    @Override
    public Expr visitCasePrimary(EventFluxSqlParser.CasePrimaryContext ctx) {
        List<Expr.When> whens = new ArrayList<>();
        for (EventFluxSqlParser.WhenClauseContext w : ctx.whenClause()) {
            whens.add(new Expr.When(visit(w.expression(0)), visit(w.expression(1))));
        }
        return new Expr.Case(build(ctx.operand), whens, build(ctx.otherwise), pos(ctx));
    }

    /** EXTRACT(unit FROM ts) is the time library's extract('unit', ts). */
    @Override
    public Expr visitExtractPrimary(EventFluxSqlParser.ExtractPrimaryContext ctx) {
        Expr unit = new Expr.Literal(ctx.anyWord().getText().toUpperCase(Locale.ROOT), LiteralKind.STRING,
                pos(ctx.anyWord()));
        return new Expr.FunctionCall(null, "extract", List.of(unit, visit(ctx.expression())), false, false, pos(ctx));
    }

    @Override
    public Expr visitFunctionPrimary(EventFluxSqlParser.FunctionPrimaryContext ctx) {
        EventFluxSqlParser.FunctionNameContext fn = ctx.functionName();
        String library = fn.library == null ? null : AstSupport.name(fn.library);
        EventFluxSqlParser.FunctionIdentifierContext id = fn.functionIdentifier();
        String name = id.identifier() != null ? AstSupport.name(id.identifier()) : id.getText();
        EventFluxSqlParser.FunctionArgumentsContext args = ctx.functionArguments();
        boolean star = args != null && args.STAR() != null;
        boolean distinct = args != null && args.DISTINCT() != null;
        List<Expr> arguments = args == null || star ? List.of() : buildAll(args.expression());
        return new Expr.FunctionCall(library, name, arguments, star, distinct, pos(ctx));
    }

    @Override
    public Expr visitIndexedPrimary(EventFluxSqlParser.IndexedPrimaryContext ctx) {
        EventFluxSqlParser.EventIndexContext idx = ctx.eventIndex();
        Expr.EventIndex index;
        if (idx.LAST() == null) {
            index = Expr.EventIndex.at((int) AstSupport.parseLong(idx.getStart(), idx.INTEGER_LITERAL().getText()));
        } else {
            index = Expr.EventIndex.last(idx.INTEGER_LITERAL() == null ? 0
                    : (int) AstSupport.parseLong(idx.getStart(), idx.INTEGER_LITERAL().getText()));
        }
        return new Expr.IndexedColumn(AstSupport.name(ctx.identifier(0)), index, AstSupport.name(ctx.identifier(1)),
                pos(ctx));
    }

    @Override
    public Expr visitColumnPrimary(EventFluxSqlParser.ColumnPrimaryContext ctx) {
        return column(ctx.qualifiedName());
    }

    static Expr.Column column(EventFluxSqlParser.QualifiedNameContext q) {
        if (q.identifier().size() == 1) {
            return new Expr.Column(null, AstSupport.name(q.identifier(0)), pos(q));
        }
        return new Expr.Column(AstSupport.name(q.identifier(0)), AstSupport.name(q.identifier(1)), pos(q));
    }

    @Override
    public Expr visitParenPrimary(EventFluxSqlParser.ParenPrimaryContext ctx) {
        return visit(ctx.expression());
    }
}
