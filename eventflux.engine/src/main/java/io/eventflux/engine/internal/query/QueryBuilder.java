package io.eventflux.engine.internal.query;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.extension.Stateful;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.time.OperatorScheduler;
import io.eventflux.engine.internal.time.TimeKeeper;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.OutputPlan;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.SelectorPlan;
import io.eventflux.sql.plan.StreamInput;

/** Turns one {@link QueryPlan} into a wired {@link QueryRuntime} (deploy time). */
public final class QueryBuilder {
    /** What a query needs from its app while it is built. */
    public interface Context {
        TimeKeeper time();

        /** The junction of a stream of the app. @throws IllegalArgumentException if unknown */
        StreamJunction junction(String stream);

        /** Registers a stateful part for app snapshots under a unique name. */
        void registerState(String name, Stateful state);
    }

    private final Context context;

    public QueryBuilder(Context context) {
        this.context = context;
    }

    /** Builds the query and subscribes it to its input stream. */
    public QueryRuntime build(QueryPlan plan) {
        if (!(plan.input() instanceof StreamInput input)) {
            throw new UnsupportedOperationException("query " + plan.name() + ": input " + plan.input()
                    + " is not supported yet");
        }
        TimeKeeper time = context.time();
        Clock clock = time.clock();
        EvalContext ctx = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(clock, ctx);
        SelectorPlan sel = plan.selector();
        OutputPlan output = plan.output();
        StreamJunction target = context.junction(output.target());

        RowSink sink;
        if (output.rateLimit() == null) {
            sink = new DirectOutput(target);
        } else {
            OperatorScheduler scheduler = output.rateLimit().isTimeBased() ? time.timers().newScheduler() : null;
            RateLimiter limiter = new RateLimiter(output.rateLimit(), !sel.groupBy().isEmpty(), target, scheduler,
                    time::horizon);
            if (limiter.isTimeBased()) {
                time.onStart(limiter::start);
            }
            context.registerState(plan.name() + "/output", limiter);
            sink = limiter;
        }
        Selector selector = new Selector(ctx, selectorSpec(sel, output, compiler), sink);
        context.registerState(plan.name() + "/selector", selector);

        WindowStage stage = null;
        if (input.window() != null) {
            WindowDefinition def = input.window().definition();
            OperatorScheduler scheduler = time.timers().newScheduler();
            Window window = def.create(new WindowContext() {
                @Override
                public Clock clock() {
                    return clock;
                }

                @Override
                public Scheduler scheduler() {
                    return scheduler;
                }
            });
            stage = new WindowStage(window, selector, def.isBatch());
            scheduler.bind(stage);
            context.registerState(plan.name() + "/window", stage);
        }
        QueryRuntime runtime = new QueryRuntime(plan.name(), ctx, compiler.compile(input.filter()), stage, selector);
        context.junction(input.stream().name()).subscribe(runtime);
        return runtime;
    }

    private static Selector.Spec selectorSpec(SelectorPlan sel, OutputPlan output, ExprCompiler compiler) {
        StreamSchema schema = sel.outputSchema();
        if (schema.size() != sel.columns().size()) {
            throw new IllegalStateException("output schema " + schema + " does not match " + sel.columns().size()
                    + " columns");
        }
        Expr[] columns = new Expr[sel.columns().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = compiler.compileAs(sel.columns().get(i).expression(), schema.attribute(i).type());
        }
        Expr[] groupBy = sel.groupBy().stream().map(compiler::compile).toArray(Expr[]::new);
        Expr[] orderKeys = new Expr[sel.orderBy().size()];
        boolean[] descending = new boolean[orderKeys.length];
        for (int i = 0; i < orderKeys.length; i++) {
            orderKeys[i] = compiler.compile(sel.orderBy().get(i).expression());
            descending[i] = sel.orderBy().get(i).descending();
        }
        Expr[] aggArgs = new Expr[sel.aggregates().size()];
        AggregatorDefinition[] aggs = new AggregatorDefinition[aggArgs.length];
        for (AggregateCall call : sel.aggregates()) {
            aggArgs[call.slot()] = compiler.compile(call.argument());
            aggs[call.slot()] = call.definition();
        }
        OutputPlan.EventSelection events = output.events() == null ? OutputPlan.EventSelection.CURRENT : output.events();
        return new Selector.Spec(columns, compiler.compile(sel.having()), groupBy, orderKeys, descending,
                sel.offset() == null ? 0 : sel.offset(), sel.limit() == null ? Long.MAX_VALUE : sel.limit(),
                sel.distinct(), aggArgs, aggs, events != OutputPlan.EventSelection.EXPIRED,
                events != OutputPlan.EventSelection.CURRENT);
    }
}
