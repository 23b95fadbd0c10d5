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
import io.eventflux.engine.internal.pattern.PatternQueryBuilder;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.time.OperatorScheduler;
import io.eventflux.engine.internal.time.TimeKeeper;
import io.eventflux.engine.internal.time.TimerQueue;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.JoinInput;
import io.eventflux.sql.plan.OutputPlan;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.RateLimitPlan;
import io.eventflux.sql.plan.SelectorPlan;
import io.eventflux.sql.plan.StreamInput;
import java.util.function.LongSupplier;

/** Turns one {@link QueryPlan} into a wired {@link QueryRuntime} (deploy time). */
public final class QueryBuilder {
    /** What a query needs from its app while it is built. */
    public interface Context {
        TimeKeeper time();

        /** The junction of a stream of the app. @throws IllegalArgumentException if unknown */
        StreamJunction junction(String stream);

        /** Registers a stateful part for app snapshots under a unique name. */
        void registerState(String name, Stateful state);

        /**
         * A table of the app as a join input, indexed on {@code keyColumn} when the table can serve it.
         *
         * @throws IllegalArgumentException if unknown
         */
        default io.eventflux.engine.internal.join.JoinSource table(String name, int keyColumn) {
            throw new IllegalArgumentException("unknown table '" + name + "'");
        }

        /**
         * An incremental aggregation of the app (SQL.md 6).
         *
         * @throws IllegalArgumentException if unknown
         */
        default io.eventflux.engine.internal.aggregation.AggregationRuntime aggregation(String name) {
            throw new IllegalArgumentException("unknown aggregation '" + name + "'");
        }

        /**
         * The junction a query's rows go to; the same as {@link #junction} but where a partition instance reads
         * an app stream through a junction of its own (the app's stream still gets what it inserts).
         */
        default StreamJunction output(String stream) {
            return junction(stream);
        }

        /** A timer scheduler for one operator (a partition instance tracks its own to cancel them). */
        default OperatorScheduler newScheduler(TimerQueue.Order order) {
            return time().timers().newScheduler(order);
        }

        /**
         * The latency histogram of a query (by the query's name): every receiver that feeds the query the
         * chunks of an input stream times them into it; null when the app does not measure latency. The
         * default gives a histogram nobody reads.
         */
        default LatencyHistogram latency(String query) {
            return new LatencyHistogram(QueryLatencies.DEFAULT_SAMPLE_EVERY);
        }
    }

    private final Context context;

    public QueryBuilder(Context context) {
        this.context = context;
    }

    /** Builds the query and subscribes it to its input stream(s). */
    public QueryRuntime build(QueryPlan plan) {
        if (plan.input() instanceof JoinInput join) {
            return buildJoin(plan, join);
        }
        if (plan.input() instanceof PatternInput pattern) {
            // the pattern's matcher times the chunks of its streams; the rest of the query runs inside that
            return new PatternQueryBuilder(context).build(plan, pattern, p -> detached(p, null),
                    context.latency(plan.name()));
        }
        QueryRuntime runtime = detached(plan, context.latency(plan.name()));
        context.junction(((StreamInput) plan.input()).stream().name()).subscribe(runtime);
        return runtime;
    }

    /**
     * Builds a single-input query without subscribing it (a pattern feeds it the rows of its matches).
     *
     * @param latency where it times the chunks it receives, or null when its caller times them
     */
    private QueryRuntime detached(QueryPlan plan, LatencyHistogram latency) {
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
        StreamJunction target = context.output(output.target());

        RateLimitPlan rate = output.rateLimit();
        boolean snapshot = rate != null && rate.mode() == RateLimitPlan.Mode.SNAPSHOT;
        // rows can only arrive by an event (at or after the time the app moves to) or by a timer
        LongSupplier quietUntil = () -> Math.min(time.horizon(), time.timers().nextDue());
        RowSink sink = rate == null || snapshot ? new DirectOutput(target)
                : rateLimiter(plan.name(), rate, !sel.groupBy().isEmpty(), target, quietUntil);
        Selector.SnapshotView view = !snapshot ? Selector.SnapshotView.NONE
                : input.window() == null ? Selector.SnapshotView.NO_WINDOW
                : input.window().definition().isBatch() ? Selector.SnapshotView.BATCH : Selector.SnapshotView.SLIDING;
        Selector selector = new Selector(ctx, selectorSpec(sel, output, compiler, view), sink);
        context.registerState(plan.name() + "/selector", selector);

        WindowStage stage = input.window() == null ? null
                : windowStage(plan.name(), input.window().definition(), selector, clock);
        if (snapshot) {
            SnapshotEmitter emitter = new SnapshotEmitter(rate.millis(), selector, stage,
                    context.newScheduler(TimerQueue.Order.AFTER_ALL), quietUntil);
            time.onStart(emitter::start);
            context.registerState(plan.name() + "/output", emitter);
        }
        return new QueryRuntime(plan.name(), ctx, compiler.compile(input.filter()), stage, selector, latency,
                clock);
    }

    /** A join query: its inputs feed a {@link JoinStage} that feeds the selector with joined rows. */
    private QueryRuntime buildJoin(QueryPlan plan, JoinInput join) {
        TimeKeeper time = context.time();
        EvalContext ctx = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(time.clock(), ctx, JoinBuilder.offsets(join));
        SelectorPlan sel = plan.selector();
        OutputPlan output = plan.output();
        StreamJunction target = context.output(output.target());
        RateLimitPlan rate = output.rateLimit();
        boolean snapshot = rate != null && rate.mode() == RateLimitPlan.Mode.SNAPSHOT;
        LongSupplier quietUntil = () -> Math.min(time.horizon(), time.timers().nextDue());
        RowSink sink = rate == null || snapshot ? new DirectOutput(target)
                : rateLimiter(plan.name(), rate, !sel.groupBy().isEmpty(), target, quietUntil);
        Selector.SnapshotView view = snapshot ? Selector.SnapshotView.NO_WINDOW : Selector.SnapshotView.NONE;
        Selector selector = new Selector(ctx, selectorSpec(sel, output, compiler, view), sink);
        context.registerState(plan.name() + "/selector", selector);
        if (snapshot) {
            SnapshotEmitter emitter = new SnapshotEmitter(rate.millis(), selector, null,
                    context.newScheduler(TimerQueue.Order.AFTER_ALL), quietUntil);
            time.onStart(emitter::start);
            context.registerState(plan.name() + "/output", emitter);
        }
        boolean needsExpired = sel.isAggregating() || output.events() != OutputPlan.EventSelection.CURRENT;
        new JoinBuilder(context, context::table).build(plan.name(), join, ctx, compiler, selector, needsExpired);
        // its join sides time the chunks they receive
        return new QueryRuntime(plan.name(), ctx, null, null, selector, null, null);
    }

    /** OUTPUT ALL | FIRST | LAST, in front of the target stream. */
    private RateLimiter rateLimiter(String query, RateLimitPlan rate, boolean grouped, StreamJunction target,
            LongSupplier quietUntil) {
        TimeKeeper time = context.time();
        OperatorScheduler scheduler = rate.isTimeBased() ? context.newScheduler(TimerQueue.Order.PERIOD_END)
                : null;
        RateLimiter limiter = new RateLimiter(rate, grouped, target, scheduler, quietUntil);
        if (limiter.isTimeBased()) {
            time.onStart(limiter::start);
        }
        context.registerState(query + "/output", limiter);
        return limiter;
    }

    private WindowStage windowStage(String query, WindowDefinition def, Selector selector, Clock clock) {
        OperatorScheduler scheduler = context.newScheduler(TimerQueue.Order.NORMAL);
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
        WindowStage stage = new WindowStage(window, selector, def.isBatch());
        scheduler.bind(stage);
        context.registerState(query + "/window", stage);
        return stage;
    }

    static Selector.Spec selectorSpec(SelectorPlan sel, OutputPlan output, ExprCompiler compiler,
            Selector.SnapshotView snapshot) {
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
        // under OUTPUT SNAPSHOT only the snapshots are emitted (they are the current state, so current rows)
        boolean regular = snapshot == Selector.SnapshotView.NONE;
        return new Selector.Spec(columns, compiler.compile(sel.having()), groupBy, orderKeys, descending,
                sel.offset() == null ? 0 : sel.offset(), sel.limit() == null ? Long.MAX_VALUE : sel.limit(),
                sel.distinct(), aggArgs, aggs, regular && events != OutputPlan.EventSelection.EXPIRED,
                regular && events != OutputPlan.EventSelection.CURRENT, snapshot);
    }
}
