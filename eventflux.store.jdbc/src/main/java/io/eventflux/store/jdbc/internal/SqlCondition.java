package io.eventflux.store.jdbc.internal;

import io.eventflux.api.store.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link Condition} as a SQL WHERE clause with bind parameters (values are never written into the SQL)
 * and the part that could not be translated ({@link Condition.Test}s), evaluated on the selected rows.
 *
 * @param sql the clause (never empty; {@code 1=1} for every row)
 * @param parameters the values of the {@code ?}s in order
 * @param residual what the database cannot check, or null
 */
record SqlCondition(String sql, List<Object> parameters, Condition residual) {

    /**
     * Translates a condition. A {@link Condition.Test} under an AND is left to the residual; anywhere else
     * (under an OR) the whole OR goes to the residual and the database selects a superset.
     */
    static SqlCondition of(Condition c, Function<String, String> quote) {
        List<Object> params = new ArrayList<>();
        List<Condition> residual = new ArrayList<>();
        String sql = and(c, quote, params, residual);
        Condition rest = residual.isEmpty() ? null : residual.size() == 1 ? residual.get(0) : new Condition.And(residual);
        return new SqlCondition(sql, params, rest);
    }

    private static String and(Condition c, Function<String, String> quote, List<Object> params,
            List<Condition> residual) {
        if (c instanceof Condition.And a) {
            List<String> parts = new ArrayList<>();
            for (Condition x : a.conditions()) {
                String s = and(x, quote, params, residual);
                if (!s.equals("1=1")) {
                    parts.add(s);
                }
            }
            return parts.isEmpty() ? "1=1" : String.join(" AND ", parts);
        }
        if (translatable(c)) {
            return strict(c, quote, params);
        }
        residual.add(c);
        return "1=1";
    }

    private static boolean translatable(Condition c) {
        if (c instanceof Condition.Test) {
            return false;
        }
        if (c instanceof Condition.And a) {
            return a.conditions().stream().allMatch(SqlCondition::translatable);
        }
        if (c instanceof Condition.Or o) {
            return o.conditions().stream().allMatch(SqlCondition::translatable);
        }
        return true;
    }

    private static String strict(Condition c, Function<String, String> quote, List<Object> params) {
        if (c instanceof Condition.Compare cmp) {
            if (cmp.value() == null) {
                return "1=0"; // a comparison with NULL is false
            }
            params.add(cmp.value());
            return quote.apply(cmp.column()) + " " + op(cmp.op()) + " ?";
        }
        if (c instanceof Condition.And a) {
            if (a.conditions().isEmpty()) {
                return "1=1";
            }
            List<String> parts = new ArrayList<>();
            for (Condition x : a.conditions()) {
                parts.add(strict(x, quote, params));
            }
            return "(" + String.join(" AND ", parts) + ")";
        }
        Condition.Or o = (Condition.Or) c;
        if (o.conditions().isEmpty()) {
            return "1=0";
        }
        List<String> parts = new ArrayList<>();
        for (Condition x : o.conditions()) {
            parts.add(strict(x, quote, params));
        }
        return "(" + String.join(" OR ", parts) + ")";
    }

    private static String op(Condition.Op op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }
}
