package io.eventflux.engine.internal.pattern;

import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.internal.join.EquiKey;
import io.eventflux.engine.internal.query.LatencyHistogram;
import io.eventflux.engine.internal.query.QueryBuilder.Context;
import io.eventflux.engine.internal.query.TimedReceiver;
import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.time.OperatorScheduler;
import io.eventflux.engine.internal.time.TimeKeeper;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.SelectorPlan;
import io.eventflux.sql.plan.StreamInput;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Deploys a pattern query: the query's expressions are rewritten onto the flat match row
 * ({@link PatternLayout}), the rest of the query (WHERE, selector, output) is built as for a single stream
 * of such rows, and a {@link PatternMatcher} fed by every stream of the pattern produces the rows.
 */
public final class PatternQueryBuilder {
    private final Context context;

    public PatternQueryBuilder(Context context) {
        this.context = context;
    }

    /**
     * Builds a pattern query.
     *
     * @param detached builds the rest of the query from a plan over the flat rows (not subscribed to anything)
     * @param latency the histogram of the query the pattern belongs to: the chunks of every stream of the
     *     pattern are timed into it (null: not timed)
     * @return what {@code detached} returned
     */
    public <Q extends ChunkReceiver> Q build(QueryPlan plan, PatternInput input, Function<QueryPlan, Q> detached,
            LatencyHistogram latency) {
        PatternLayout layout = new PatternLayout(input);
        TimeKeeper time = context.time();
        EvalContext ctx = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(time.clock(), ctx);
        int n = input.elements().size();
        Expr[] filters = new Expr[n];
        java.util.BitSet[] filterExtras = new java.util.BitSet[n];
        boolean[] ownOnly = new boolean[n];
        for (int k = 0; k < n; k++) {
            filterExtras[k] = new java.util.BitSet();
            TypedExpr filter = input.elements().get(k).filter();
            TypedExpr flatFilter = layout.rewrite(filter, filterExtras[k]);
            java.util.BitSet reads = EquiKey.inputs(filter);
            ownOnly[k] = filter != null && filterExtras[k].isEmpty() && (reads.isEmpty()
                    || reads.cardinality() == 1 && reads.get(k));
            // a filter reading only its own element's event runs on the event's data, not the flat row
            filters[k] = ownOnly[k] ? new ExprCompiler(time.clock(), ctx, own(n, k)).compile(filter)
                    : compiler.compile(flatFilter);
        }
        TypedExpr where = layout.rewrite(input.filter());
        SelectorPlan selector = layout.rewrite(plan.selector());
        // every extra slot is known now: the schema of the flat rows is final
        QueryPlan flat = new QueryPlan(plan.name(), new StreamInput(layout.schema(input), null, where, null), selector,
                plan.output(), plan.position());
        Q query = detached.apply(flat);

        int[] widths = new int[n];
        int[] streamOf = new int[n];
        List<String> streams = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            PatternInput.Element e = input.elements().get(k);
            widths[k] = e.stream().size();
            int s = streams.indexOf(e.stream().name());
            if (s < 0) {
                s = streams.size();
                streams.add(e.stream().name());
            }
            streamOf[k] = s;
        }
        MatchRows rows = new MatchRows(layout, widths, compiler);
        // through the context: a partition instance cancels its timers when its key is purged
        OperatorScheduler scheduler = context.newScheduler(io.eventflux.engine.internal.time.TimerQueue.Order.NORMAL);
        PatternMatcher matcher = new PatternMatcher(input, new PatternProgram(input), streamOf, filters, filterExtras, ownOnly, rows, ctx,
                scheduler, query);
        scheduler.bind(matcher);
        time.onStart(matcher::start);
        context.registerState(plan.name() + "/pattern", matcher);
        for (int s = 0; s < streams.size(); s++) {
            int stream = s;
            context.junction(streams.get(s)).subscribe(TimedReceiver.of(latency, chunk -> matcher.process(stream, chunk)));
        }
        return query;
    }

    /** Input offsets that read element {@code k} at 0 and no other element. */
    private static int[] own(int n, int k) {
        int[] offsets = new int[n];
        java.util.Arrays.fill(offsets, -1);
        offsets[k] = 0;
        return offsets;
    }
}
