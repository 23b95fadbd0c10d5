package io.eventflux.sql.internal.analysis;

import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.plan.TypedExpr;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What pattern queries add to name resolution: indexed events ({@code e1[last].price}) and aggregates over
 * the events of a counted element ({@code count(e1)}, {@code avg(e1.price)}). Other aggregates stay
 * ordinary selector aggregates (over the stream of matches).
 */
final class PatternRefs {
    private final ExtensionResolver extensions;
    private final boolean[] counted;

    /** @param counted per element: whether it has a count quantifier */
    PatternRefs(ExtensionResolver extensions, boolean[] counted) {
        this.extensions = extensions;
        this.counted = counted.clone();
    }

    TypedExpr indexed(Expr.IndexedColumn column, Scope scope) {
        Scope.Input in = scope.input(column.reference(), column.pos());
        TypedExpr.AttributeRef a = scope.attribute(in, column.name(), column.pos(), List.of());
        return new TypedExpr.EventRef(a.input(), column.index().position(), column.index().fromEnd(), a.index(),
                a.name(), a.type());
    }

    /** The per-match aggregate a call denotes, or null when it is an ordinary aggregate. */
    TypedExpr elementAggregate(Expr.FunctionCall f, ExpressionAnalyzer expressions, ExprContext ctx) {
        if (f.star()) {
            return null;
        }
        if (f.arguments().size() == 1 && f.arguments().get(0) instanceof Expr.Column c && c.qualifier() == null) {
            Scope.Input element = element(ctx.scope(), c.name());
            if (element != null && !ctx.scope().hasAttribute(c.name())) {
                if (!f.name().equalsIgnoreCase("count")) {
                    throw new CompileProblem(f.pos(), f.name() + "(" + c.name() + ") needs an attribute of the element",
                            f.name(), "e.g. " + f.name() + "(" + c.name() + ".price); count(" + c.name()
                                    + ") counts its events");
                }
                AggregatorDefinition count = extensions.aggregator("count", List.of(), false, f.pos());
                return new TypedExpr.ElementAggregate(element.index(), "count", null, count);
            }
        }
        ExpressionAnalyzer.Arguments args = expressions.arguments(f.arguments(), ctx.insideAggregate());
        Set<Integer> inputs = new TreeSet<>();
        for (TypedExpr t : args.typed()) {
            inputsOf(t, inputs);
        }
        if (inputs.size() != 1 || !counted[inputs.iterator().next()]) {
            return null;
        }
        int k = inputs.iterator().next();
        if (args.typed().size() != 1) {
            throw new CompileProblem(f.pos(), "an aggregate over pattern element events takes one argument",
                    f.name(), null);
        }
        AggregatorDefinition definition = extensions.aggregator(f.name(), args.resolved(), false, f.pos());
        return new TypedExpr.ElementAggregate(k, f.name(), args.typed().get(0), definition);
    }

    private static Scope.Input element(Scope scope, String alias) {
        for (Scope.Input in : scope.inputs()) {
            if (alias.equals(in.alias())) {
                return in;
            }
        }
        return null;
    }

    /** The pattern elements an expression reads. */
    static void inputsOf(TypedExpr e, Set<Integer> into) {
        if (e instanceof TypedExpr.AttributeRef a) {
            into.add(a.input());
        } else if (e instanceof TypedExpr.EventRef r) {
            into.add(r.input());
        } else if (e instanceof TypedExpr.ElementAggregate g) {
            into.add(g.input());
        } else if (e instanceof TypedExpr.Unary u) {
            inputsOf(u.operand(), into);
        } else if (e instanceof TypedExpr.Binary b) {
            inputsOf(b.left(), into);
            inputsOf(b.right(), into);
        } else if (e instanceof TypedExpr.IsNull n) {
            inputsOf(n.operand(), into);
        } else if (e instanceof TypedExpr.Like l) {
            inputsOf(l.operand(), into);
            inputsOf(l.pattern(), into);
        } else if (e instanceof TypedExpr.In in) {
            inputsOf(in.operand(), into);
            in.values().forEach(v -> inputsOf(v, into));
        } else if (e instanceof TypedExpr.Between b) {
            inputsOf(b.operand(), into);
            inputsOf(b.low(), into);
            inputsOf(b.high(), into);
        } else if (e instanceof TypedExpr.Cast c) {
            inputsOf(c.operand(), into);
        } else if (e instanceof TypedExpr.Case c) {
            if (c.operand() != null) {
                inputsOf(c.operand(), into);
            }
            if (c.otherwise() != null) {
                inputsOf(c.otherwise(), into);
            }
            c.whens().forEach(w -> {
                inputsOf(w.when(), into);
                inputsOf(w.then(), into);
            });
        } else if (e instanceof TypedExpr.FunctionCall f) {
            f.arguments().forEach(a -> inputsOf(a, into));
        }
    }
}
