package io.eventflux.sql.internal.analysis;

import io.eventflux.api.CompileException;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.Catalog;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.ConditionPlan;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Types a window condition (see {@link ConditionPlan}). Names resolve in three inputs: the event an
 * aggregate reads (input 0, also what a bare name means), {@code first} (1) and {@code last} (2); the
 * typed condition is then rewritten onto the plan's row of {@code first} then {@code last} values.
 */
public final class ConditionAnalyzer {
    private static final int FIRST = 1;
    private static final int LAST = 2;

    private final ExtensionResolver extensions;

    public ConditionAnalyzer(Catalog catalog) {
        this.extensions = new ExtensionResolver(catalog);
    }

    /** @throws CompileException with positions inside the condition text */
    public ConditionPlan analyze(String text, Expr expr, StreamSchema input) throws CompileException {
        Scope.Input event = new Scope.Input(0, input.name(), null, input);
        Scope scope = new Scope(List.of(event, new Scope.Input(FIRST, "first", null, input),
                new Scope.Input(LAST, "last", null, input)), event);
        AggregateSlots aggregates = new AggregateSlots();
        try {
            TypedExpr typed = new ExpressionAnalyzer(extensions)
                    .analyze(expr, new ExprContext(scope, aggregates, "a window condition", null));
            TypeRules.requireBool(typed, "the window", expr.pos());
            List<AggregateCall> calls = new ArrayList<>();
            for (AggregateCall call : aggregates.calls()) {
                if (call.argument() != null && reads(call.argument(), FIRST, LAST)) {
                    throw new CompileProblem(new SourcePosition(1, 1), "the argument of aggregate '" + call.name()
                            + "' reads first.* or last.*; an aggregate reads each held event, so name the attribute"
                            + " alone", call.name(), null);
                }
                calls.add(call);
            }
            return new ConditionPlan(text, input, new RowRewriter(input.size()).rewrite(typed), calls);
        } catch (CompileProblem problem) {
            throw new CompileException(problem.error());
        }
    }

    private static boolean reads(TypedExpr e, int first, int last) {
        boolean[] found = new boolean[1];
        new RowRewriter(0) {
            @Override
            TypedExpr.AttributeRef attribute(TypedExpr.AttributeRef a) {
                found[0] |= a.input() == first || a.input() == last;
                return a;
            }
        }.rewrite(e);
        return found[0];
    }

    /** Puts first.x at x's index, last.x and a bare x at n + x's index, all in input 0. */
    private static class RowRewriter {
        private final int n;

        RowRewriter(int n) {
            this.n = n;
        }

        TypedExpr.AttributeRef attribute(TypedExpr.AttributeRef a) {
            int index = a.input() == FIRST ? a.index() : n + a.index();
            return new TypedExpr.AttributeRef(0, index, a.name(), a.type());
        }

        TypedExpr rewrite(TypedExpr e) {
            if (e == null) {
                return null;
            }
            if (e instanceof TypedExpr.AttributeRef a) {
                return attribute(a);
            }
            if (e instanceof TypedExpr.Unary u) {
                return new TypedExpr.Unary(u.op(), rewrite(u.operand()), u.type());
            }
            if (e instanceof TypedExpr.Binary b) {
                return new TypedExpr.Binary(b.op(), rewrite(b.left()), rewrite(b.right()), b.type());
            }
            if (e instanceof TypedExpr.IsNull x) {
                return new TypedExpr.IsNull(rewrite(x.operand()), x.negated());
            }
            if (e instanceof TypedExpr.Like l) {
                return new TypedExpr.Like(rewrite(l.operand()), rewrite(l.pattern()), l.negated());
            }
            if (e instanceof TypedExpr.In in) {
                return new TypedExpr.In(rewrite(in.operand()), in.values().stream().map(this::rewrite).toList(),
                        in.negated());
            }
            if (e instanceof TypedExpr.Between b) {
                return new TypedExpr.Between(rewrite(b.operand()), rewrite(b.low()), rewrite(b.high()), b.negated());
            }
            if (e instanceof TypedExpr.Cast c) {
                return new TypedExpr.Cast(rewrite(c.operand()), c.type());
            }
            if (e instanceof TypedExpr.Case c) {
                List<TypedExpr.WhenThen> arms = c.whens().stream()
                        .map(w -> new TypedExpr.WhenThen(rewrite(w.when()), rewrite(w.then()))).toList();
                return new TypedExpr.Case(rewrite(c.operand()), arms, rewrite(c.otherwise()), c.type());
            }
            if (e instanceof TypedExpr.FunctionCall f) {
                return new TypedExpr.FunctionCall(f.library(), f.name(),
                        f.arguments().stream().map(this::rewrite).toList(), f.definition(), f.type());
            }
            return e; // literals, aggregate and output references read no attribute
        }
    }
}
