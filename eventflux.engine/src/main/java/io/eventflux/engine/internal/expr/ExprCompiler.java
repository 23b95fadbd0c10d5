package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.function.FunctionContext;
import io.eventflux.sql.plan.TypedExpr;
import io.eventflux.sql.plan.TypedExpr.BinaryOp;
import java.util.List;

/**
 * Compiles {@link TypedExpr} trees into executors, once per query instance. Function instances are
 * created here (one per call site and query instance) with a context that reports the timestamp of the
 * event being evaluated.
 */
public final class ExprCompiler {
    private final FunctionContext functionContext;
    private final int[] inputOffsets;

    /**
     * @param clock the app's clock ({@code now()})
     * @param context the query instance's evaluation context ({@code eventTimestamp()})
     */
    public ExprCompiler(Clock clock, EvalContext context) {
        this(clock, context, new int[] {0});
    }

    /**
     * A compiler for rows that concatenate several inputs (joins): attribute {@code i} of input {@code k}
     * is read at {@code inputOffsets[k] + i}; a negative offset means the input is not in the row.
     */
    public ExprCompiler(Clock clock, EvalContext context, int[] inputOffsets) {
        this.inputOffsets = inputOffsets.clone();
        this.functionContext = new FunctionContext() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public long eventTimestamp() {
                long t = context.timestamp;
                if (t == EvalContext.UNSTAMPED) {
                    t = clock.now();
                    context.timestamp = t;
                }
                return t;
            }
        };
    }

    /** Compiles an expression, or returns null for null. */
    public Expr compile(TypedExpr e) {
        if (e == null) {
            return null;
        }
        if (e instanceof TypedExpr.Literal l) {
            return new ConstantExpr(l.value(), l.type());
        }
        if (e instanceof TypedExpr.AttributeRef a) {
            if (a.input() >= inputOffsets.length || inputOffsets[a.input()] < 0) {
                throw new UnsupportedOperationException("attribute '" + a.name() + "' of input " + a.input()
                        + " is not available here");
            }
            return new AttributeExpr(inputOffsets[a.input()] + a.index(), a.type());
        }
        if (e instanceof TypedExpr.AggregateRef a) {
            return new AggregateExpr(a.slot(), a.type());
        }
        if (e instanceof TypedExpr.OutputRef o) {
            return new OutputExpr(o.index(), o.type());
        }
        if (e instanceof TypedExpr.Unary u) {
            Expr operand = compile(u.operand());
            return u.op() == TypedExpr.UnaryOp.NOT ? new LogicExpr(LogicExpr.Kind.NOT, operand, null)
                    : new NegateExpr(operand, u.type());
        }
        if (e instanceof TypedExpr.Binary b) {
            return binary(b);
        }
        if (e instanceof TypedExpr.IsNull n) {
            return new IsNullExpr(compile(n.operand()), n.negated());
        }
        if (e instanceof TypedExpr.Like l) {
            return new LikeExpr(compile(l.operand()), compile(l.pattern()), l.negated());
        }
        if (e instanceof TypedExpr.In in) {
            return new InExpr(compile(in.operand()), compileAll(in.values()), in.negated());
        }
        if (e instanceof TypedExpr.Between b) {
            return new BetweenExpr(compile(b.operand()), compile(b.low()), compile(b.high()), b.negated());
        }
        if (e instanceof TypedExpr.Cast c) {
            Expr operand = compile(c.operand());
            return operand.type() == c.type() ? operand : new CastExpr(operand, c.type());
        }
        if (e instanceof TypedExpr.Case c) {
            return caseExpr(c);
        }
        if (e instanceof TypedExpr.FunctionCall f) {
            return new FunctionExpr(f.definition().create(functionContext), compileAll(f.arguments()), f.type());
        }
        throw new UnsupportedOperationException("expression not supported yet: " + e);
    }

    /** Compiles an expression whose value must be of {@code type} (numbers are converted). */
    public Expr compileAs(TypedExpr e, AttributeType type) {
        Expr x = compile(e);
        return x == null || x.type() == type || !x.type().isNumeric() || !type.isNumeric() ? x : new CoerceExpr(x, type);
    }

    private Expr[] compileAll(List<TypedExpr> list) {
        Expr[] out = new Expr[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(list.get(i));
        }
        return out;
    }

    private Expr binary(TypedExpr.Binary b) {
        BinaryOp op = b.op();
        Expr left = compile(b.left());
        Expr right = compile(b.right());
        if (op == BinaryOp.AND || op == BinaryOp.OR) {
            return new LogicExpr(op == BinaryOp.AND ? LogicExpr.Kind.AND : LogicExpr.Kind.OR, left, right);
        }
        if (op.isArithmetic()) {
            AttributeType t = b.type();
            if (!t.isNumeric()) {
                throw new UnsupportedOperationException("arithmetic " + op + " of type " + t);
            }
            return t == AttributeType.INT || t == AttributeType.LONG ? new LongArithmeticExpr(op, left, right, t)
                    : new DoubleArithmeticExpr(op, left, right, t);
        }
        AttributeType lt = left.type();
        AttributeType rt = right.type();
        if (lt.isNumeric() && rt.isNumeric()) {
            AttributeType w = AttributeType.widest(lt, rt);
            return w == AttributeType.INT || w == AttributeType.LONG ? new LongComparisonExpr(op, left, right)
                    : new DoubleComparisonExpr(op, left, right);
        }
        return new ObjectComparisonExpr(op, left, right);
    }

    private Expr caseExpr(TypedExpr.Case c) {
        Expr operand = compile(c.operand());
        Expr[] whens = new Expr[c.whens().size()];
        Expr[] thens = new Expr[whens.length];
        for (int i = 0; i < whens.length; i++) {
            whens[i] = compile(c.whens().get(i).when());
            thens[i] = compile(c.whens().get(i).then());
        }
        return new CaseExpr(operand, whens, thens, compile(c.otherwise()), c.type());
    }
}
