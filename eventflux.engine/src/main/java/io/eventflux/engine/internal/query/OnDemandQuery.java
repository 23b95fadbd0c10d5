package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import io.eventflux.api.QueryResult;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.store.Condition;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.internal.table.ConditionTranslator;
import io.eventflux.engine.internal.table.TableRuntime;
import io.eventflux.sql.plan.OnDemandPlan;
import io.eventflux.sql.plan.OutputPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an on-demand query (SQL.md 3.6) once: the WHERE goes to the store as a {@link Condition} (so the
 * primary key or an index serves it), and the selected rows pass through a selector as one batch: without
 * aggregates each row gives a row, with aggregates each group gives one; then DISTINCT, ORDER BY, OFFSET,
 * LIMIT. An empty selection gives no rows. Runs on the app's writer.
 */
public final class OnDemandQuery {
    private OnDemandQuery() {
    }

    public static QueryResult run(OnDemandPlan plan, TableRuntime table, Clock clock) {
        EvalContext ctx = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(clock, ctx);
        List<Object[]> out = new ArrayList<>();
        RowSink sink = rows -> {
            for (int i = 0; i < rows.size(); i++) {
                out.add(rows.event(i).data());
            }
        };
        Selector selector = new Selector(ctx, QueryBuilder.selectorSpec(plan.selector(),
                new OutputPlan(plan.selector().outputSchema().name(), OutputPlan.EventSelection.CURRENT, null),
                compiler, Selector.SnapshotView.NONE), sink);
        // the condition reads the table as input 0; the translator sees an empty "event" before it
        EvalContext condCtx = new EvalContext();
        ExprCompiler condCompiler = new ExprCompiler(clock, condCtx, new int[] {0});
        ConditionTranslator condition = new ConditionTranslator(plan.filter(), 0, table.schema(), condCompiler,
                condCtx, 0);
        Condition c = condition.bind(new Object[0], clock.now());
        long now = clock.now();
        if (c != null) {
            for (Object[] row : table.store().find(c)) {
                selector.batchCurrent(new Event(now, row.clone()));
            }
        }
        selector.flushBatch(now);
        return new QueryResult(plan.selector().outputSchema(), out);
    }
}
