package io.eventflux.engine.internal.expr;

import static io.eventflux.api.AttributeType.BOOL;
import static io.eventflux.api.AttributeType.DOUBLE;
import static io.eventflux.api.AttributeType.FLOAT;
import static io.eventflux.api.AttributeType.INT;
import static io.eventflux.api.AttributeType.LONG;
import static io.eventflux.api.AttributeType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionContext;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.sql.plan.TypedExpr;
import io.eventflux.sql.plan.TypedExpr.Binary;
import io.eventflux.sql.plan.TypedExpr.BinaryOp;
import io.eventflux.sql.plan.TypedExpr.Literal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprCompilerTest {
    // schema: i INT, l LONG, d DOUBLE, s STRING, b BOOL, n INT (null), f FLOAT
    private static final TypedExpr I = new TypedExpr.AttributeRef(0, 0, "i", INT);
    private static final TypedExpr L = new TypedExpr.AttributeRef(0, 1, "l", LONG);
    private static final TypedExpr D = new TypedExpr.AttributeRef(0, 2, "d", DOUBLE);
    private static final TypedExpr S = new TypedExpr.AttributeRef(0, 3, "s", STRING);
    private static final TypedExpr B = new TypedExpr.AttributeRef(0, 4, "b", BOOL);
    private static final TypedExpr N = new TypedExpr.AttributeRef(0, 5, "n", INT);
    private static final TypedExpr F = new TypedExpr.AttributeRef(0, 6, "f", FLOAT);

    private final EvalContext ctx = new EvalContext();
    private final ExprCompiler compiler = new ExprCompiler(() -> 42L, ctx);

    private Object eval(TypedExpr e) {
        ctx.bind(new Object[] {7, 10L, 2.5, "IBM", true, null, 1.5f}, 1234L);
        return compiler.compile(e).eval(ctx);
    }

    private static TypedExpr lit(Object v, AttributeType t) {
        return new Literal(v, t);
    }

    private static TypedExpr bin(BinaryOp op, TypedExpr l, TypedExpr r, AttributeType t) {
        return new Binary(op, l, r, t);
    }

    @Test
    void arithmeticWidensAndKeepsIntegerDivision() {
        assertThat(eval(bin(BinaryOp.DIVIDE, I, lit(2, INT), INT))).isEqualTo(3);
        assertThat(eval(bin(BinaryOp.ADD, I, L, LONG))).isEqualTo(17L);
        assertThat(eval(bin(BinaryOp.MULTIPLY, I, D, DOUBLE))).isEqualTo(17.5);
        assertThat(eval(bin(BinaryOp.MODULO, I, lit(4, INT), INT))).isEqualTo(3);
        assertThat(eval(bin(BinaryOp.ADD, F, lit(1, INT), FLOAT))).isEqualTo(2.5f);
        assertThat(eval(new TypedExpr.Unary(TypedExpr.UnaryOp.NEGATE, L, LONG))).isEqualTo(-10L);
    }

    @Test
    void integerDivisionByZeroAndNullOperandsAreNull() {
        assertThat(eval(bin(BinaryOp.DIVIDE, I, lit(0, INT), INT))).isNull();
        assertThat(eval(bin(BinaryOp.MODULO, L, lit(0L, LONG), LONG))).isNull();
        assertThat(eval(bin(BinaryOp.ADD, N, lit(1, INT), INT))).isNull();
        assertThat(eval(bin(BinaryOp.MULTIPLY, N, D, DOUBLE))).isNull();
        // a NULL nested on the left is not lost by a non-null right operand
        assertThat(eval(bin(BinaryOp.ADD, bin(BinaryOp.DIVIDE, I, lit(0, INT), INT), I, INT))).isNull();
    }

    @Test
    void comparisonsWithNullAreFalseAndLogicTreatsNullAsFalse() {
        assertThat(eval(bin(BinaryOp.GT, N, lit(1, INT), BOOL))).isEqualTo(false);
        assertThat(eval(bin(BinaryOp.NE, N, lit(1, INT), BOOL))).isEqualTo(false);
        assertThat(eval(bin(BinaryOp.OR, bin(BinaryOp.EQ, N, lit(1, INT), BOOL), B, BOOL))).isEqualTo(true);
        assertThat(eval(bin(BinaryOp.AND, bin(BinaryOp.EQ, N, N, BOOL), B, BOOL))).isEqualTo(false);
        assertThat(eval(new TypedExpr.Unary(TypedExpr.UnaryOp.NOT, B, BOOL))).isEqualTo(false);
    }

    @Test
    void comparesAcrossNumericTypesAndStrings() {
        assertThat(eval(bin(BinaryOp.LT, I, D, BOOL))).isEqualTo(false);
        assertThat(eval(bin(BinaryOp.GE, L, lit(10, INT), BOOL))).isEqualTo(true);
        assertThat(eval(bin(BinaryOp.EQ, D, lit(2.5f, FLOAT), BOOL))).isEqualTo(true);
        assertThat(eval(bin(BinaryOp.LT, S, lit("JAVA", STRING), BOOL))).isEqualTo(true);
        assertThat(eval(bin(BinaryOp.EQ, S, lit("IBM", STRING), BOOL))).isEqualTo(true);
    }

    @Test
    void likeInBetweenIsNull() {
        assertThat(eval(new TypedExpr.Like(S, lit("I%", STRING), false))).isEqualTo(true);
        assertThat(eval(new TypedExpr.Like(S, lit("_B_", STRING), false))).isEqualTo(true);
        assertThat(eval(new TypedExpr.Like(S, lit("I.M", STRING), false))).isEqualTo(false);
        assertThat(eval(new TypedExpr.Like(S, lit("%M", STRING), true))).isEqualTo(false);
        assertThat(eval(new TypedExpr.In(I, List.of(lit(1, INT), lit(7L, LONG)), false))).isEqualTo(true);
        assertThat(eval(new TypedExpr.In(S, List.of(lit("A", STRING)), true))).isEqualTo(true);
        assertThat(eval(new TypedExpr.In(N, List.of(lit(1, INT)), true))).isEqualTo(false);
        assertThat(eval(new TypedExpr.Between(I, lit(7, INT), lit(8, INT), false))).isEqualTo(true);
        assertThat(eval(new TypedExpr.Between(D, lit(1, INT), lit(2, INT), false))).isEqualTo(false);
        assertThat(eval(new TypedExpr.Between(S, lit("A", STRING), lit("J", STRING), false))).isEqualTo(true);
        assertThat(eval(new TypedExpr.IsNull(N, false))).isEqualTo(true);
        assertThat(eval(new TypedExpr.IsNull(bin(BinaryOp.DIVIDE, I, lit(0, INT), INT), false))).isEqualTo(true);
        assertThat(eval(new TypedExpr.IsNull(S, true))).isEqualTo(true);
    }

    @Test
    void likeMatcherHandlesEscapesAndBacktracking() {
        assertThat(LikeMatcher.compile("a%b%c").matches("aXbYbZc")).isTrue();
        assertThat(LikeMatcher.compile("a%b%c").matches("aXbYbZ")).isFalse();
        assertThat(LikeMatcher.compile("100\\%").matches("100%")).isTrue();
        assertThat(LikeMatcher.compile("100\\%").matches("1000")).isFalse();
        assertThat(LikeMatcher.compile("%").matches("")).isTrue();
        assertThat(LikeMatcher.compile("(.*)").matches("(.*)")).isTrue();
    }

    @Test
    void castConvertsParsesAndFormats() {
        assertThat(eval(new TypedExpr.Cast(D, INT))).isEqualTo(2);
        assertThat(eval(new TypedExpr.Cast(lit("12", STRING), LONG))).isEqualTo(12L);
        assertThat(eval(new TypedExpr.Cast(lit("1.5", STRING), DOUBLE))).isEqualTo(1.5);
        assertThat(eval(new TypedExpr.Cast(S, INT))).isNull();
        assertThat(eval(new TypedExpr.Cast(I, STRING))).isEqualTo("7");
        assertThat(eval(new TypedExpr.Cast(lit("TRUE", STRING), BOOL))).isEqualTo(true);
        assertThat(eval(new TypedExpr.Cast(lit("yes", STRING), BOOL))).isNull();
    }

    /** A value the target type cannot hold is NULL, as convert(x, type) gives: not wrapped, not saturated. */
    @Test
    void castOutOfRangeOrNaNIsNull() {
        assertThat(eval(new TypedExpr.Cast(lit(1e19, DOUBLE), INT))).isNull();
        assertThat(eval(new TypedExpr.Cast(lit(1e19, DOUBLE), LONG))).isNull();
        assertThat(eval(new TypedExpr.Cast(lit(5_000_000_000L, LONG), INT))).isNull();
        assertThat(eval(new TypedExpr.Cast(lit("5000000000", STRING), INT))).isNull();
        assertThat(eval(new TypedExpr.Cast(lit("1e30", STRING), LONG))).isNull();
        assertThat(eval(new TypedExpr.Cast(lit(Double.NaN, DOUBLE), INT))).isNull();
        assertThat(eval(new TypedExpr.Cast(lit(Double.NaN, DOUBLE), BOOL))).isNull();
        assertThat(eval(new TypedExpr.Cast(lit(1e300, DOUBLE), FLOAT))).isNull();
        // in range: a fraction truncates towards zero, also from a string
        assertThat(eval(new TypedExpr.Cast(lit(-2147483648.9, DOUBLE), INT))).isEqualTo(Integer.MIN_VALUE);
        assertThat(eval(new TypedExpr.Cast(lit("-12.7", STRING), INT))).isEqualTo(-12);
        assertThat(eval(new TypedExpr.Cast(lit(5_000_000_000L, LONG), FLOAT))).isEqualTo(5e9f);
        assertThat(eval(new TypedExpr.Cast(lit(Double.POSITIVE_INFINITY, DOUBLE), FLOAT))).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(eval(new TypedExpr.Cast(lit(0.5, DOUBLE), BOOL))).isEqualTo(true);
    }

    @Test
    void caseSimpleAndSearched() {
        TypedExpr simple = new TypedExpr.Case(S, List.of(new TypedExpr.WhenThen(lit("MSFT", STRING), lit(1, INT)),
                new TypedExpr.WhenThen(lit("IBM", STRING), lit(2, INT))), null, DOUBLE);
        assertThat(eval(simple)).isEqualTo(2.0);
        TypedExpr searched = new TypedExpr.Case(null, List.of(new TypedExpr.WhenThen(bin(BinaryOp.GT, I, lit(100, INT), BOOL),
                lit("big", STRING))), lit("small", STRING), STRING);
        assertThat(eval(searched)).isEqualTo("small");
        TypedExpr noElse = new TypedExpr.Case(null, List.of(new TypedExpr.WhenThen(bin(BinaryOp.GT, I, lit(100, INT), BOOL),
                lit(1, INT))), null, INT);
        assertThat(eval(noElse)).isNull();
        assertThat(eval(bin(BinaryOp.ADD, simple, lit(1, INT), DOUBLE))).isEqualTo(3.0);
    }

    @Test
    void functionsGetAReusedArgumentArrayAndTheEventTimestamp() {
        FunctionDefinition def = new FunctionDefinition() {
            @Override
            public AttributeType returnType() {
                return LONG;
            }

            @Override
            public Function create(FunctionContext context) {
                return args -> ((Number) args[0]).longValue() + context.eventTimestamp() + context.clock().now();
            }
        };
        TypedExpr call = new TypedExpr.FunctionCall("t", "f", List.of(I), def, LONG);
        assertThat(eval(call)).isEqualTo(7L + 1234L + 42L);
    }

    @Test
    void primitivePathsAgreeWithBoxedPath() {
        Expr e = compiler.compile(bin(BinaryOp.ADD, bin(BinaryOp.MULTIPLY, I, L, LONG), lit(1, INT), LONG));
        ctx.bind(new Object[] {7, 10L, 2.5, "IBM", true, null, 1.5f}, 0);
        ctx.wasNull = false;
        assertThat(e.evalLong(ctx)).isEqualTo(71L);
        assertThat(ctx.wasNull).isFalse();
        assertThat(e.evalDouble(ctx)).isEqualTo(71.0);
        assertThat(e.eval(ctx)).isEqualTo(71L);
    }
}
