package io.eventflux.sql.internal.analysis;

import io.eventflux.api.AttributeType;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.TypedExpr;
import io.eventflux.sql.plan.TypedExpr.BinaryOp;
import java.util.List;

/** The typing rules of SQL.md 1 and 3.2. A NULL literal fits everywhere. */
final class TypeRules {
    private TypeRules() {
    }

    static boolean isNull(TypedExpr e) {
        return e instanceof TypedExpr.Literal l && l.value() == null;
    }

    static String symbol(BinaryOp op) {
        return switch (op) {
            case ADD -> "+";
            case SUBTRACT -> "-";
            case MULTIPLY -> "*";
            case DIVIDE -> "/";
            case MODULO -> "%";
            case EQ -> "=";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case AND -> "AND";
            case OR -> "OR";
        };
    }

    /** The type of {@code left op right}, or an error at the operator. */
    static AttributeType binary(BinaryOp op, TypedExpr left, TypedExpr right, SourcePosition pos) {
        if (op.isArithmetic()) {
            if (isNull(left) && isNull(right)) {
                return AttributeType.INT;
            }
            if ((isNull(left) || left.type().isNumeric()) && (isNull(right) || right.type().isNumeric())) {
                return isNull(left) ? right.type() : isNull(right) ? left.type()
                        : AttributeType.widest(left.type(), right.type());
            }
            throw mismatch("operator '" + symbol(op) + "' needs numeric operands", op, left, right, pos);
        }
        if (op.isComparison()) {
            boolean ordering = op != BinaryOp.EQ && op != BinaryOp.NE;
            if (!comparable(left, right, ordering)) {
                throw new CompileProblem(pos, "cannot compare " + left.type() + " with " + right.type() + " using '"
                        + symbol(op) + "'", symbol(op), compareHint(left.type(), right.type(), symbol(op)));
            }
            return AttributeType.BOOL;
        }
        requireBool(left, symbol(op), pos);
        requireBool(right, symbol(op), pos);
        return AttributeType.BOOL;
    }

    static boolean comparable(TypedExpr left, TypedExpr right, boolean ordering) {
        if (isNull(left) || isNull(right)) {
            return true;
        }
        AttributeType a = left.type();
        AttributeType b = right.type();
        if (a.isNumeric() && b.isNumeric()) {
            return true;
        }
        if (a != b) {
            return false;
        }
        return !ordering || a == AttributeType.STRING;
    }

    static void requireBool(TypedExpr e, String where, SourcePosition pos) {
        if (!isNull(e) && e.type() != AttributeType.BOOL) {
            throw new CompileProblem(pos, where + " needs a BOOL condition, got " + e.type(), where, null);
        }
    }

    /** The common type of CASE branches: the widest numeric type, or the one shared type. */
    static AttributeType unify(List<TypedExpr> branches, SourcePosition pos) {
        AttributeType result = null;
        for (TypedExpr e : branches) {
            if (isNull(e)) {
                continue;
            }
            AttributeType t = e.type();
            if (result == null || result == t) {
                result = t;
            } else if (result.isNumeric() && t.isNumeric()) {
                result = AttributeType.widest(result, t);
            } else {
                throw new CompileProblem(pos, "CASE branches have incompatible types " + result + " and " + t, "CASE",
                        null);
            }
        }
        return result == null ? AttributeType.OBJECT : result;
    }

    /** True when a value of {@code from} can be stored as {@code to} without loss (INT into LONG, ...). */
    static boolean widens(AttributeType from, AttributeType to) {
        return from.isNumeric() && to.isNumeric() && from.ordinal() <= to.ordinal();
    }

    private static CompileProblem mismatch(String what, BinaryOp op, TypedExpr left, TypedExpr right,
            SourcePosition pos) {
        AttributeType wrong = left.type().isNumeric() || isNull(left) ? right.type() : left.type();
        String hint = wrong == AttributeType.STRING
                ? "expected a number, got STRING: CAST(... AS DOUBLE) converts the STRING side" + (op == BinaryOp.ADD
                        ? "; concat(a, b) joins strings" : "")
                : null;
        return new CompileProblem(pos, what + ", got " + left.type() + " and " + right.type(), symbol(op), hint);
    }

    /** How to make two operands comparable: the CAST that turns a STRING into the number it is compared with. */
    private static String compareHint(AttributeType left, AttributeType right, String op) {
        if (left == AttributeType.STRING && right.isNumeric() || right == AttributeType.STRING && left.isNumeric()) {
            AttributeType number = left.isNumeric() ? left : right;
            return "expected " + number + ", got STRING: CAST(... AS " + number + ") converts the STRING side";
        }
        if (left == right) {
            return "'" + op + "' does not order " + left + " values: only = and != compare them";
        }
        return "expected both sides of the same type: CAST(... AS " + left + ") converts the right side";
    }
}
