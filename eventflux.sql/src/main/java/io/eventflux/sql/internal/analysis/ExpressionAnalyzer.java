package io.eventflux.sql.internal.analysis;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.plan.SelectorPlan.OutputColumn;
import io.eventflux.sql.plan.TypedExpr;
import io.eventflux.sql.plan.TypedExpr.UnaryOp;
import java.util.ArrayList;
import java.util.List;

/** Resolves and types expressions: AST {@link Expr} to plan {@link TypedExpr}. */
final class ExpressionAnalyzer {
    /** Typed arguments of a call, with the form extensions see them in. */
    record Arguments(List<TypedExpr> typed, List<Argument> resolved) {
    }

    private final ExtensionResolver extensions;

    ExpressionAnalyzer(ExtensionResolver extensions) {
        this.extensions = extensions;
    }

    TypedExpr analyze(Expr e, ExprContext ctx) {
        if (e instanceof Expr.Literal l) {
            return literal(l);
        }
        if (e instanceof Expr.DurationLiteral d) {
            return new TypedExpr.Literal(d.millis(), AttributeType.LONG);
        }
        if (e instanceof Expr.Column c) {
            return column(c, ctx);
        }
        if (e instanceof Expr.IndexedColumn i) {
            if (ctx.scope().pattern() != null) {
                return ctx.scope().pattern().indexed(i, ctx.scope());
            }
            throw new CompileProblem(i.pos(), "indexed event reference '" + i.reference() + "[...]." + i.name()
                    + "' is only valid in a pattern query", i.reference(), null);
        }
        if (e instanceof Expr.Unary u) {
            return unary(u, ctx);
        }
        if (e instanceof Expr.Binary b) {
            TypedExpr left = analyze(b.left(), ctx);
            TypedExpr right = analyze(b.right(), ctx);
            return new TypedExpr.Binary(b.op(), left, right, TypeRules.binary(b.op(), left, right, b.pos()));
        }
        if (e instanceof Expr.FunctionCall f) {
            return call(f, ctx);
        }
        return predicateOrConversion(e, ctx);
    }

    private TypedExpr predicateOrConversion(Expr e, ExprContext ctx) {
        if (e instanceof Expr.IsNull n) {
            return new TypedExpr.IsNull(analyze(n.operand(), ctx), n.negated());
        }
        if (e instanceof Expr.Like l) {
            TypedExpr operand = requireString(analyze(l.operand(), ctx), l);
            return new TypedExpr.Like(operand, requireString(analyze(l.pattern(), ctx), l), l.negated());
        }
        if (e instanceof Expr.In in) {
            TypedExpr operand = analyze(in.operand(), ctx);
            List<TypedExpr> values = new ArrayList<>();
            for (Expr v : in.values()) {
                values.add(comparableWith(operand, analyze(v, ctx), "IN", in));
            }
            return new TypedExpr.In(operand, values, in.negated());
        }
        if (e instanceof Expr.Between b) {
            TypedExpr operand = analyze(b.operand(), ctx);
            return new TypedExpr.Between(operand, comparableWith(operand, analyze(b.low(), ctx), "BETWEEN", b),
                    comparableWith(operand, analyze(b.high(), ctx), "BETWEEN", b), b.negated());
        }
        if (e instanceof Expr.Cast c) {
            return new TypedExpr.Cast(analyze(c.operand(), ctx), c.target().type());
        }
        return caseExpr((Expr.Case) e, ctx);
    }

    static TypedExpr.Literal literal(Expr.Literal l) {
        AttributeType type = switch (l.kind()) {
            case INT -> AttributeType.INT;
            case LONG -> AttributeType.LONG;
            case FLOAT -> AttributeType.FLOAT;
            case DOUBLE -> AttributeType.DOUBLE;
            case STRING -> AttributeType.STRING;
            case BOOL -> AttributeType.BOOL;
            case NULL -> AttributeType.OBJECT;
        };
        return new TypedExpr.Literal(l.value(), type);
    }

    /** A bare name is an output column in HAVING / ORDER BY when one has that name, else an input attribute. */
    private TypedExpr column(Expr.Column c, ExprContext ctx) {
        if (c.qualifier() == null) {
            if (ctx.outputs() != null) {
                List<OutputColumn> outputs = ctx.outputs();
                for (int i = 0; i < outputs.size(); i++) {
                    if (outputs.get(i).name().equals(c.name())) {
                        return new TypedExpr.OutputRef(i, c.name(), outputs.get(i).expression().type());
                    }
                }
            }
            return ctx.scope().attribute(c.name(), c.pos(), ctx.outputNames());
        }
        Scope.Input input = ctx.scope().input(c.qualifier(), c.pos());
        return ctx.scope().attribute(input, c.name(), c.pos(), List.of());
    }

    private TypedExpr unary(Expr.Unary u, ExprContext ctx) {
        TypedExpr operand = analyze(u.operand(), ctx);
        if (u.op() == UnaryOp.NOT) {
            TypeRules.requireBool(operand, "NOT", u.pos());
            return new TypedExpr.Unary(UnaryOp.NOT, operand, AttributeType.BOOL);
        }
        if (TypeRules.isNull(operand)) {
            return operand;
        }
        if (!operand.type().isNumeric()) {
            throw new CompileProblem(u.pos(), "unary '-' needs a numeric operand, got " + operand.type(), "-", null);
        }
        if (operand instanceof TypedExpr.Literal l) {
            return new TypedExpr.Literal(negate((Number) l.value()), l.type());
        }
        return new TypedExpr.Unary(UnaryOp.NEGATE, operand, operand.type());
    }

    private static Object negate(Number n) {
        if (n instanceof Integer i) {
            return -i;
        }
        if (n instanceof Long l) {
            return -l;
        }
        if (n instanceof Float f) {
            return -f;
        }
        return -n.doubleValue();
    }

    private static TypedExpr requireString(TypedExpr e, Expr.Like at) {
        if (!TypeRules.isNull(e) && e.type() != AttributeType.STRING) {
            throw new CompileProblem(at.pos(), "LIKE needs STRING operands, got " + e.type(), "LIKE", null);
        }
        return e;
    }

    private static TypedExpr comparableWith(TypedExpr operand, TypedExpr value, String what, Expr at) {
        if (!TypeRules.comparable(operand, value, true) && !TypeRules.comparable(operand, value, false)) {
            throw new CompileProblem(at.pos(), what + " compares " + operand.type() + " with " + value.type(), what,
                    null);
        }
        return value;
    }

    private TypedExpr caseExpr(Expr.Case c, ExprContext ctx) {
        TypedExpr operand = c.operand() == null ? null : analyze(c.operand(), ctx);
        List<TypedExpr.WhenThen> arms = new ArrayList<>();
        List<TypedExpr> results = new ArrayList<>();
        for (Expr.When w : c.whens()) {
            TypedExpr when = analyze(w.condition(), ctx);
            if (operand == null) {
                TypeRules.requireBool(when, "CASE WHEN", w.condition().pos());
            } else {
                comparableWith(operand, when, "CASE", w.condition());
            }
            TypedExpr then = analyze(w.result(), ctx);
            arms.add(new TypedExpr.WhenThen(when, then));
            results.add(then);
        }
        TypedExpr otherwise = c.otherwise() == null ? null : analyze(c.otherwise(), ctx);
        if (otherwise != null) {
            results.add(otherwise);
        }
        return new TypedExpr.Case(operand, arms, otherwise, TypeRules.unify(results, c.pos()));
    }

    // ------------------------------------------------------------------ calls

    private TypedExpr call(Expr.FunctionCall f, ExprContext ctx) {
        boolean countDistinct = f.distinct() && f.library() == null && f.name().equalsIgnoreCase("count");
        String aggregatorName = countDistinct ? "distinctCount" : f.name();
        boolean distinct = f.distinct() && !countDistinct;
        if (ctx.scope().pattern() != null && f.library() == null && !f.distinct()
                && extensions.isAggregator(aggregatorName)) {
            TypedExpr perMatch = ctx.scope().pattern().elementAggregate(f, this, ctx);
            if (perMatch != null) {
                return perMatch;
            }
        }
        if (f.library() == null && (f.star() || f.distinct() || extensions.isAggregator(aggregatorName))) {
            return aggregate(f, aggregatorName, distinct, ctx);
        }
        ExtensionResolver.ResolvedFunction function = extensions.function(f.library(), f.name(), f.pos());
        Arguments args = arguments(f.arguments(), ctx);
        FunctionDefinition definition = extensions.define(function, args.resolved(), f.pos());
        return new TypedExpr.FunctionCall(function.library(), function.name(), args.typed(), definition,
                definition.returnType());
    }

    private TypedExpr aggregate(Expr.FunctionCall f, String name, boolean distinct, ExprContext ctx) {
        if (ctx.aggregates() == null) {
            throw new CompileProblem(f.pos(), "aggregate function '" + f.name() + "' is not allowed in "
                    + ctx.clause(), f.name(), null);
        }
        Arguments args = arguments(f.arguments(), ctx.insideAggregate());
        int existing = ctx.aggregates().find(name, args.typed(), args.resolved(), distinct);
        if (existing >= 0) {
            return new TypedExpr.AggregateRef(existing,
                    ctx.aggregates().call(existing).definition().returnType());
        }
        AggregatorDefinition definition = extensions.aggregator(name, args.resolved(), distinct, f.pos());
        return ctx.aggregates().add(name, args.typed(), args.resolved(), distinct, definition);
    }

    /** Types call arguments; a duration literal becomes a LONG constant flagged as a duration. */
    Arguments arguments(List<Expr> arguments, ExprContext ctx) {
        List<TypedExpr> typed = new ArrayList<>();
        List<Argument> resolved = new ArrayList<>();
        for (Expr a : arguments) {
            TypedExpr t = analyze(a, ctx);
            typed.add(t);
            resolved.add(ExtensionResolver.argument(t, a instanceof Expr.DurationLiteral));
        }
        return new Arguments(typed, resolved);
    }

    /** Whether an expression contains an aggregate reference (GROUP BY on an aggregated alias is an error). */
    static boolean hasAggregate(TypedExpr e) {
        if (e instanceof TypedExpr.AggregateRef) {
            return true;
        }
        if (e instanceof TypedExpr.Unary u) {
            return hasAggregate(u.operand());
        }
        if (e instanceof TypedExpr.Binary b) {
            return hasAggregate(b.left()) || hasAggregate(b.right());
        }
        if (e instanceof TypedExpr.FunctionCall f) {
            return f.arguments().stream().anyMatch(ExpressionAnalyzer::hasAggregate);
        }
        if (e instanceof TypedExpr.Cast c) {
            return hasAggregate(c.operand());
        }
        if (e instanceof TypedExpr.IsNull n) {
            return hasAggregate(n.operand());
        }
        if (e instanceof TypedExpr.Like l) {
            return hasAggregate(l.operand()) || hasAggregate(l.pattern());
        }
        if (e instanceof TypedExpr.In in) {
            return hasAggregate(in.operand()) || in.values().stream().anyMatch(ExpressionAnalyzer::hasAggregate);
        }
        if (e instanceof TypedExpr.Between b) {
            return hasAggregate(b.operand()) || hasAggregate(b.low()) || hasAggregate(b.high());
        }
        if (e instanceof TypedExpr.Case c) {
            return c.operand() != null && hasAggregate(c.operand())
                    || c.otherwise() != null && hasAggregate(c.otherwise())
                    || c.whens().stream().anyMatch(w -> hasAggregate(w.when()) || hasAggregate(w.then()));
        }
        return false;
    }
}
