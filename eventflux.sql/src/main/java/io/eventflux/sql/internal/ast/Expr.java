package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.TypedExpr.BinaryOp;
import io.eventflux.sql.plan.TypedExpr.UnaryOp;
import java.util.List;

/** Expressions as written, before names and types are resolved. */
public sealed interface Expr extends Node {

    /** The kind of a literal as the lexer saw it. */
    enum LiteralKind { INT, LONG, FLOAT, DOUBLE, STRING, BOOL, NULL }

    /** A literal: Integer, Long, Float, Double, String, Boolean or null. */
    record Literal(Object value, LiteralKind kind, SourcePosition pos) implements Expr {
    }

    /** A duration where an expression stands ({@code WINDOW('time', 5 SECONDS)}): LONG milliseconds. */
    record DurationLiteral(long millis, SourcePosition pos) implements Expr {
    }

    /** {@code name} or {@code qualifier.name}; qualifier is a stream, an alias or a pattern event reference. */
    record Column(String qualifier, String name, SourcePosition pos) implements Expr {
        public String written() {
            return qualifier == null ? name : qualifier + "." + name;
        }
    }

    /** {@code e1[0].price}, {@code e1[last].price}, {@code e1[last-2].price}. */
    record IndexedColumn(String reference, EventIndex index, String name, SourcePosition pos) implements Expr {
    }

    /** An index into a counted pattern element: a position from the start, or {@code last - fromLast}. */
    record EventIndex(int position, boolean fromEnd) {
        public static EventIndex at(int position) {
            return new EventIndex(position, false);
        }

        public static EventIndex last(int minus) {
            return new EventIndex(minus, true);
        }
    }

    record Unary(UnaryOp op, Expr operand, SourcePosition pos) implements Expr {
    }

    record Binary(BinaryOp op, Expr left, Expr right, SourcePosition pos) implements Expr {
    }

    record IsNull(Expr operand, boolean negated, SourcePosition pos) implements Expr {
    }

    record Like(Expr operand, Expr pattern, boolean negated, SourcePosition pos) implements Expr {
    }

    record In(Expr operand, List<Expr> values, boolean negated, SourcePosition pos) implements Expr {
        public In {
            values = List.copyOf(values);
        }
    }

    record Between(Expr operand, Expr low, Expr high, boolean negated, SourcePosition pos) implements Expr {
    }

    record Cast(Expr operand, TypeName target, SourcePosition pos) implements Expr {
    }

    /** CASE [operand] WHEN .. THEN .. [ELSE ..] END; operand and otherwise may be null. */
    record Case(Expr operand, List<When> whens, Expr otherwise, SourcePosition pos) implements Expr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record When(Expr condition, Expr result) {
    }

    /**
     * {@code [library:]name([DISTINCT] args)} or {@code name(*)}; the compiler decides whether it is an
     * aggregate or a scalar function.
     *
     * @param library the library prefix, or null
     * @param star true for {@code count(*)} (arguments then empty)
     * @param distinct true for {@code count(DISTINCT x)}
     * @param namePos where the function name starts (errors about unknown names point there)
     */
    record FunctionCall(String library, String name, List<Expr> arguments, boolean star, boolean distinct,
            SourcePosition pos) implements Expr {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }

        public String written() {
            return library == null ? name : library + ":" + name;
        }
    }
}
