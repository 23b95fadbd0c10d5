package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import io.eventflux.api.QueryResult;
import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.aggregation.AggregationOptions;
import io.eventflux.engine.internal.aggregation.AggregationRuntime;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.sql.plan.OnDemandPlan;
import io.eventflux.sql.plan.OutputPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * An on-demand read of an aggregation (SQL.md 6): {@code SELECT ... FROM Agg WITHIN from, to PER g [WHERE ...]}
 * takes the rows of the buckets picked, filters them and passes them through a selector as one batch, like
 * {@link OnDemandQuery} does with a table's rows. Runs on the app's writer.
 */
public final class AggregationOnDemand {
    private AggregationOnDemand() {
    }

    /** @throws IllegalArgumentException for a bad bound or granularity */
    public static QueryResult run(OnDemandPlan plan, AggregationRuntime aggregation, Clock clock) {
        EvalContext bounds = new EvalContext();
        ExprCompiler boundCompiler = new ExprCompiler(clock, bounds);
        bounds.bind(new Object[0], clock.now());
        Object per = boundCompiler.compile(plan.within().per()).eval(bounds);
        long from = AggregationOptions.bound(boundCompiler.compile(plan.within().from()).eval(bounds),
                aggregation.zone());
        long to = AggregationOptions.bound(boundCompiler.compile(plan.within().to()).eval(bounds), aggregation.zone());
        List<Object[]> rows = aggregation.rows(per == null ? null : per.toString(), from, to);
        EvalContext ctx = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(clock, ctx);
        List<Object[]> out = new ArrayList<>();
        RowSink sink = batch -> {
            for (int i = 0; i < batch.size(); i++) {
                out.add(batch.event(i).data());
            }
        };
        Selector selector = new Selector(ctx, QueryBuilder.selectorSpec(plan.selector(),
                new OutputPlan(plan.selector().outputSchema().name(), OutputPlan.EventSelection.CURRENT, null),
                compiler, Selector.SnapshotView.NONE), sink);
        EvalContext filterCtx = new EvalContext();
        Expr filter = plan.filter() == null ? null : new ExprCompiler(clock, filterCtx).compile(plan.filter());
        long now = clock.now();
        for (Object[] row : rows) {
            if (filter != null) {
                filterCtx.bind(row, (Long) row[0]);
                if (!filter.evalBool(filterCtx)) {
                    continue;
                }
            }
            selector.batchCurrent(new Event((Long) row[0], row));
        }
        selector.flushBatch(now);
        return new QueryResult(plan.selector().outputSchema(), out);
    }
}
