package io.eventflux.api.store;

import io.eventflux.api.StreamSchema;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A condition on the rows of a table, with its values already bound, so that a store can serve it from
 * its primary key or an index, or translate it into SQL with bind parameters (never by concatenating
 * values). {@link Test} is the escape hatch for what the engine could not translate: a store evaluates
 * it on the rows the rest of the condition selects.
 *
 * <p>Semantics as in SQL.md 3.2: comparisons with NULL are false; numbers compare by value across types
 * (1 = 1L = 1.0); strings compare lexicographically.
 */
public sealed interface Condition {
    /** Every row. */
    Condition TRUE = new And(List.of());

    /** Comparison operators. */
    enum Op { EQ, NE, LT, LE, GT, GE }

    /** {@code column op value}. */
    record Compare(String column, Op op, Object value) implements Condition {
        public Compare {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(op, "op");
        }
    }

    /** All of the conditions (none: every row). */
    record And(List<Condition> conditions) implements Condition {
        public And {
            conditions = List.copyOf(conditions);
        }
    }

    /** Any of the conditions (none: no row). */
    record Or(List<Condition> conditions) implements Condition {
        public Or {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * A predicate on a whole row (values in schema order) that is not expressible as columns compared
     * with values; {@code description} is for logs.
     */
    record Test(Predicate<Object[]> predicate, String description) implements Condition {
        public Test {
            Objects.requireNonNull(predicate, "predicate");
        }
    }

    static Condition eq(String column, Object value) {
        return new Compare(column, Op.EQ, value);
    }

    static Condition and(Condition... conditions) {
        return new And(List.of(conditions));
    }

    /** Whether a row of {@code schema} satisfies this condition (for stores that evaluate in memory). */
    default boolean matches(StreamSchema schema, Object[] row) {
        if (this instanceof Compare c) {
            int index = schema.indexOf(c.column());
            if (index < 0) {
                throw new IllegalArgumentException("unknown column '" + c.column() + "' in " + schema.name());
            }
            return compare(row[index], c.op(), c.value());
        }
        if (this instanceof And a) {
            for (Condition x : a.conditions()) {
                if (!x.matches(schema, row)) {
                    return false;
                }
            }
            return true;
        }
        if (this instanceof Or o) {
            for (Condition x : o.conditions()) {
                if (x.matches(schema, row)) {
                    return true;
                }
            }
            return false;
        }
        return ((Test) this).predicate().test(row);
    }

    /** {@code left op right} with SQL.md semantics (NULL: false; numbers by value). */
    static boolean compare(Object left, Op op, Object right) {
        if (left == null || right == null) {
            return false;
        }
        int c;
        if (left instanceof Number a && right instanceof Number b) {
            if (isIntegral(a) && isIntegral(b)) {
                c = Long.compare(a.longValue(), b.longValue());
            } else {
                c = Double.compare(a.doubleValue(), b.doubleValue());
            }
        } else if (left instanceof Comparable<?> && left.getClass() == right.getClass()) {
            @SuppressWarnings("unchecked")
            Comparable<Object> l = (Comparable<Object>) left;
            c = l.compareTo(right);
        } else {
            c = left.equals(right) ? 0 : 1;
            if (op != Op.EQ && op != Op.NE) {
                return false;
            }
        }
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }
}
