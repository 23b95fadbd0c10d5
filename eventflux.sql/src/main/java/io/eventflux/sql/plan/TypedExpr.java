package io.eventflux.sql.plan;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import java.util.List;

/**
 * A typed, resolved expression. The engine compiles each tree once into executors.
 *
 * <p>Typing rules (SQL.md 3.2): arithmetic widens INT &lt; LONG &lt; FLOAT &lt; DOUBLE and INT op INT is
 * INT (integer division); integer division or remainder by zero is NULL; comparisons with NULL are false.
 * The compiler makes every node's {@link #type()} final: the engine converts operands to it.
 */
public sealed interface TypedExpr {
    AttributeType type();

    /** A constant (value null for NULL). */
    record Literal(Object value, AttributeType type) implements TypedExpr {
    }

    /**
     * An attribute of an input event.
     *
     * @param input which input (0 for a single-stream query; the join side or pattern element otherwise)
     * @param index position in that input's schema
     * @param name the attribute name, for messages
     */
    record AttributeRef(int input, int index, String name, AttributeType type) implements TypedExpr {
    }

    /**
     * An indexed event of a pattern element: {@code e1[0].price} ({@code fromEnd} false, position 0),
     * {@code e1[last].price} (fromEnd, 0), {@code e1[last-1].price} (fromEnd, 1). NULL when there is no such
     * event.
     *
     * @param input the pattern element
     * @param position the index from the first event, or how far before the last
     * @param index position in the element's schema
     */
    record EventRef(int input, int position, boolean fromEnd, int index, String name, AttributeType type)
            implements TypedExpr {
    }

    /**
     * An aggregate over the events one pattern match bound to a counted element: {@code count(e1)},
     * {@code avg(e1.price)}.
     *
     * @param input the pattern element
     * @param name the aggregator name
     * @param argument evaluated per event of the element (whose events it reads as input {@code input}), or
     *                 null for {@code count}
     * @param definition what the aggregator factory returned
     */
    record ElementAggregate(int input, String name, TypedExpr argument,
            io.eventflux.api.aggregator.AggregatorDefinition definition) implements TypedExpr {
        @Override
        public AttributeType type() {
            return definition.returnType();
        }
    }

    /** The current value of the selector's aggregate {@code slot}. */
    record AggregateRef(int slot, AttributeType type) implements TypedExpr {
    }

    /** The value of output column {@code index} (HAVING and ORDER BY only). */
    record OutputRef(int index, String name, AttributeType type) implements TypedExpr {
    }

    /** NOT x, -x. */
    record Unary(UnaryOp op, TypedExpr operand, AttributeType type) implements TypedExpr {
    }

    /** Arithmetic, comparison and logic. For comparisons {@code type} is BOOL. */
    record Binary(BinaryOp op, TypedExpr left, TypedExpr right, AttributeType type) implements TypedExpr {
    }

    /** x IS [NOT] NULL. */
    record IsNull(TypedExpr operand, boolean negated) implements TypedExpr {
        @Override
        public AttributeType type() {
            return AttributeType.BOOL;
        }
    }

    /** x [NOT] LIKE pattern ({@code %} and {@code _}). */
    record Like(TypedExpr operand, TypedExpr pattern, boolean negated) implements TypedExpr {
        @Override
        public AttributeType type() {
            return AttributeType.BOOL;
        }
    }

    /** x [NOT] IN (v, ...). */
    record In(TypedExpr operand, List<TypedExpr> values, boolean negated) implements TypedExpr {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public AttributeType type() {
            return AttributeType.BOOL;
        }
    }

    /** x [NOT] BETWEEN low AND high (inclusive). */
    record Between(TypedExpr operand, TypedExpr low, TypedExpr high, boolean negated) implements TypedExpr {
        @Override
        public AttributeType type() {
            return AttributeType.BOOL;
        }
    }

    /** CAST(x AS type): numbers convert, strings parse (NULL when they cannot), anything formats as STRING. */
    record Cast(TypedExpr operand, AttributeType type) implements TypedExpr {
    }

    /**
     * CASE [operand] WHEN .. THEN .. [ELSE ..] END. With an operand, each WHEN is compared for equality;
     * without, each WHEN is a condition. No ELSE gives NULL.
     */
    record Case(TypedExpr operand, List<WhenThen> whens, TypedExpr otherwise, AttributeType type) implements TypedExpr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    /** One WHEN .. THEN .. arm. */
    record WhenThen(TypedExpr when, TypedExpr then) {
    }

    /**
     * A scalar function resolved in a library.
     *
     * @param library the library that defines it
     * @param name the function name
     * @param definition what the library returned for this call
     */
    record FunctionCall(String library, String name, List<TypedExpr> arguments, FunctionDefinition definition,
            AttributeType type) implements TypedExpr {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }

    /** Unary operators. */
    enum UnaryOp { NOT, NEGATE }

    /** Binary operators. */
    enum BinaryOp {
        ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO,
        EQ, NE, LT, LE, GT, GE,
        AND, OR;

        public boolean isComparison() {
            return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
        }

        public boolean isArithmetic() {
            return ordinal() <= MODULO.ordinal();
        }
    }
}
