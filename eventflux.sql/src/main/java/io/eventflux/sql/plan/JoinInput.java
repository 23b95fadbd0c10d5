package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;
import java.util.List;

/**
 * A join of two or more inputs (SQL.md 3.4): {@code A [AS a] [WINDOW(..)] JOIN B ... ON cond [JOIN C ...]}.
 * Joins nest to the left: step k joins the rows of inputs 0..k-1 with input k. A joined row is the
 * concatenation of the inputs' attributes; {@link TypedExpr.AttributeRef#input()} names the input.
 *
 * @param inputs the inputs in order (at least two)
 * @param joins one per input after the first: {@code joins.get(k - 1)} joins input k
 * @param filter the query's WHERE, applied to joined (and NULL-padded) rows, or null
 */
public record JoinInput(List<Input> inputs, List<Join> joins, TypedExpr filter) implements InputPlan {
    public JoinInput {
        inputs = List.copyOf(inputs);
        joins = List.copyOf(joins);
        if (inputs.size() < 2 || joins.size() != inputs.size() - 1) {
            throw new IllegalArgumentException("a join needs n >= 2 inputs and n - 1 joins");
        }
    }

    /** What kind of thing an input reads. */
    public enum Kind {
        /** A stream: it holds what its window holds (nothing without a window). */
        STREAM,
        /** A table: it holds the table's rows and never triggers output. */
        TABLE,
        /**
         * A pattern or sequence ({@code PATTERN (...) AS p [WINDOW(...)] JOIN ...}): each match is an event of this
         * input, which holds what its window holds (nothing without a window, like a stream). Its schema (named after the alias) has, in element order, the
         * attributes of every element that is not absent, each named {@code <ref>_<attribute>} where ref is the
         * element's alias or, without one, its stream's name (a counted element: its last event).
         */
        PATTERN,
        /**
         * An incremental aggregation (SQL.md 6), only as the last input: its join step's
         * {@link Join#within()} picks the buckets; it never triggers output. Since 1.2.
         */
        AGGREGATION
    }

    /**
     * One input.
     *
     * @param kind stream or table
     * @param schema the stream's or table's schema
     * @param alias the alias, or null
     * @param window the window (streams only), or null
     * @param unidirectional only this input triggers output ({@code UNIDIRECTIONAL})
     * @param pattern the pattern of a {@link Kind#PATTERN} input, else null
     */
    public record Input(Kind kind, StreamSchema schema, String alias, WindowPlan window, boolean unidirectional,
            PatternInput pattern) {
        /** A stream or table input. */
        public Input(Kind kind, StreamSchema schema, String alias, WindowPlan window, boolean unidirectional) {
            this(kind, schema, alias, window, unidirectional, null);
        }

        public String name() {
            return schema.name();
        }
    }

    /** INNER, LEFT/RIGHT/FULL OUTER. */
    public enum Type {
        INNER, LEFT_OUTER, RIGHT_OUTER, FULL_OUTER;

        /** Rows of the left side without a match are NULL-padded. */
        public boolean padsLeft() {
            return this == LEFT_OUTER || this == FULL_OUTER;
        }

        /** Rows of the right side without a match are NULL-padded. */
        public boolean padsRight() {
            return this == RIGHT_OUTER || this == FULL_OUTER;
        }
    }

    /**
     * One join step.
     *
     * @param type the join type
     * @param on the ON condition (refers to inputs 0..k only), or null for every pair
     * @param within for an aggregation input: the buckets read (bounds over inputs 0..k-1); else null
     */
    public record Join(Type type, TypedExpr on, AggregationWithin within) {
        public Join(Type type, TypedExpr on) {
            this(type, on, null);
        }
    }
}
