package io.eventflux.sql.internal.analysis;

import io.eventflux.sql.plan.SelectorPlan.OutputColumn;
import java.util.List;

/**
 * Where an expression stands, which decides what it may use.
 *
 * @param scope the inputs its names resolve against
 * @param aggregates where aggregate calls go, or null where aggregates are not allowed
 * @param clause how messages name the place ("WHERE", "GROUP BY", ...)
 * @param outputs the output columns a bare name may refer to (HAVING, ORDER BY), or null
 */
record ExprContext(Scope scope, AggregateSlots aggregates, String clause, List<OutputColumn> outputs) {

    static ExprContext noAggregates(Scope scope, String clause) {
        return new ExprContext(scope, null, clause, null);
    }

    /** The same place without aggregates (inside an aggregate's argument). */
    ExprContext insideAggregate() {
        return new ExprContext(scope, null, "the argument of another aggregate", null);
    }

    List<String> outputNames() {
        return outputs == null ? List.of() : outputs.stream().map(OutputColumn::name).toList();
    }
}
