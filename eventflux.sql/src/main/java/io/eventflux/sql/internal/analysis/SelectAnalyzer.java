package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.Select;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.SelectorPlan.OrderKey;
import io.eventflux.sql.plan.SelectorPlan.OutputColumn;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The SELECT list, GROUP BY, HAVING and ORDER BY of one query. Output column names: the alias; else an
 * attribute's own name; else {@code _col_N} with N the column's 0-based position in the (star-expanded) list.
 */
final class SelectAnalyzer {
    /** The analyzed parts; the output schema is settled by the caller, which knows the target. */
    record Parts(List<OutputColumn> columns, List<TypedExpr> groupBy, TypedExpr having, List<OrderKey> orderBy,
            List<AggregateCall> aggregates) {
    }

    private final ExpressionAnalyzer expressions;
    private final Errors errors;

    SelectAnalyzer(ExpressionAnalyzer expressions, Errors errors) {
        this.expressions = expressions;
        this.errors = errors;
    }

    /**
     * Analyzes the select list, lets {@code conform} fit the columns to the output target (it may throw a
     * {@link CompileProblem}), then GROUP BY, HAVING and ORDER BY (which may refer to the fitted columns).
     */
    Parts analyze(Select select, Scope scope, UnaryOperator<List<OutputColumn>> conform) {
        AggregateSlots slots = new AggregateSlots();
        int before = errors.count();
        List<OutputColumn> selected = columns(select, scope, slots);
        List<OutputColumn> fitted = errors.count() > before ? null : errors.attempt(() -> conform.apply(selected));
        List<OutputColumn> columns = fitted == null ? selected : fitted;
        List<TypedExpr> groupBy = new ArrayList<>();
        for (Expr g : select.groupBy()) {
            TypedExpr t = errors.attempt(() -> groupKey(g, scope, columns));
            groupBy.add(t);
        }
        TypedExpr having = null;
        if (select.having() != null) {
            ExprContext ctx = new ExprContext(scope, slots, "HAVING", columns);
            having = errors.attempt(() -> {
                TypedExpr h = expressions.analyze(select.having(), ctx);
                TypeRules.requireBool(h, "HAVING", select.having().pos());
                return h;
            });
        }
        List<OrderKey> orderBy = new ArrayList<>();
        for (Select.OrderItem o : select.orderBy()) {
            ExprContext ctx = new ExprContext(scope, slots, "ORDER BY", columns);
            TypedExpr key = errors.attempt(() -> expressions.analyze(o.expression(), ctx));
            orderBy.add(new OrderKey(key, o.descending()));
        }
        return new Parts(columns, groupBy, having, orderBy, slots.calls());
    }

    private List<OutputColumn> columns(Select select, Scope scope, AggregateSlots slots) {
        List<OutputColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        ExprContext ctx = new ExprContext(scope, slots, "SELECT", null);
        for (Select.SelectItem item : select.items()) {
            if (item instanceof Select.Star star) {
                errors.attempt(() -> expandStar(star, scope, columns, names));
                continue;
            }
            Select.Column column = (Select.Column) item;
            TypedExpr t = errors.attempt(() -> expressions.analyze(column.expression(), ctx));
            String name = column.alias() != null ? column.alias().text()
                    : column.expression() instanceof Expr.Column c ? c.name() : "_col_" + columns.size();
            // a column that failed keeps its place so that later OutputRefs stay right
            add(columns, names, new OutputColumn(name, t == null ? new TypedExpr.Literal(null, AttributeType.OBJECT) : t),
                    column);
        }
        return columns;
    }

    private void expandStar(Select.Star star, Scope scope, List<OutputColumn> columns, Set<String> names) {
        List<Scope.Input> inputs = star.qualifier() == null ? scope.inputs()
                : List.of(scope.input(star.qualifier().text(), star.qualifier().pos()));
        for (Scope.Input in : inputs) {
            for (Attribute a : in.schema().attributes()) {
                add(columns, names, new OutputColumn(a.name(), scope.attribute(in, a.name(), star.pos(), List.of())),
                        star);
            }
        }
    }

    private void add(List<OutputColumn> columns, Set<String> names, OutputColumn column, Select.SelectItem at) {
        columns.add(column);
        if (!names.add(column.name())) {
            errors.add(new CompileProblem(at.pos(), "duplicate output column '" + column.name() + "'", column.name(),
                    "give it another name with AS"));
        }
    }

    /** A GROUP BY key: an input expression, or the alias of a non-aggregated output column. */
    private TypedExpr groupKey(Expr g, Scope scope, List<OutputColumn> columns) {
        if (g instanceof Expr.Column c && c.qualifier() == null && !scope.hasAttribute(c.name())) {
            for (OutputColumn column : columns) {
                if (column.name().equals(c.name())) {
                    if (ExpressionAnalyzer.hasAggregate(column.expression())) {
                        throw new CompileProblem(g.pos(), "GROUP BY cannot use the aggregated column '" + c.name()
                                + "'", c.name(), null);
                    }
                    return column.expression();
                }
            }
        }
        return expressions.analyze(g, ExprContext.noAggregates(scope, "GROUP BY"));
    }
}
