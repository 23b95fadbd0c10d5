package io.eventflux.engine.internal.query;

import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.internal.join.EquiKey;
import io.eventflux.engine.internal.join.HeldRows;
import io.eventflux.engine.internal.join.JoinMatcher;
import io.eventflux.engine.internal.join.JoinSource;
import io.eventflux.engine.internal.table.ConditionTranslator;
import io.eventflux.api.store.Condition;
import io.eventflux.engine.internal.time.OperatorScheduler;
import io.eventflux.sql.plan.JoinInput;
import io.eventflux.sql.plan.TypedExpr;
import java.util.function.Function;

/** Wires a join query (SQL.md 3.4): one stage per input, a matcher with indexes, the shared selector. */
final class JoinBuilder {
    /** Resolves a table input to what it holds (tables are served by the app's table runtime). */
    interface Tables {
        /**
         * @param keyColumn the table column a join key is an attribute of, or -1
         * @return the table as a join source (indexed on {@code keyColumn} when the table can serve it)
         */
        JoinSource table(String name, int keyColumn);
    }

    private final QueryBuilder.Context context;
    private final Tables tables;

    JoinBuilder(QueryBuilder.Context context, Tables tables) {
        this.context = context;
        this.tables = tables;
    }

    /** The offsets of each input's attributes in a joined row. */
    static int[] offsets(JoinInput join) {
        int[] offsets = new int[join.inputs().size()];
        int w = 0;
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] = w;
            w += join.inputs().get(k).schema().size();
        }
        return offsets;
    }

    void build(String query, JoinInput join, EvalContext ctx, ExprCompiler compiler, Selector selector,
            boolean needsExpired) {
        int n = join.inputs().size();
        Clock clock = context.time().clock();
        int[] widths = new int[n];
        for (int k = 0; k < n; k++) {
            widths[k] = join.inputs().get(k).schema().size();
        }
        EquiKey[] keys = new EquiKey[n];
        JoinMatcher.Step[] steps = new JoinMatcher.Step[n];
        for (int k = 1; k < n; k++) {
            JoinInput.Join j = join.joins().get(k - 1);
            keys[k] = EquiKey.find(j.on(), k);
            EquiKey key = keys[k];
            boolean reverse = k == 1 && key != null && key.leftInputs().cardinality() == 1 && key.leftInputs().get(0);
            steps[k] = new JoinMatcher.Step(j.type().padsLeft(), j.type().padsRight(), compiler.compile(j.on()),
                    key == null ? null : compiler.compile(key.left()),
                    reverse ? compiler.compile(key.right()) : null);
        }
        // input k (k >= 1) is indexed by the right part of its step's key; input 0 by step 1's left part
        TypedExpr[] indexBy = new TypedExpr[n];
        for (int k = 1; k < n; k++) {
            indexBy[k] = keys[k] == null ? null : keys[k].right();
        }
        if (steps.length > 1 && steps[1].reverseProbe() != null) {
            indexBy[0] = keys[1].left();
        }
        boolean anyUnidirectional = join.inputs().stream().anyMatch(JoinInput.Input::unidirectional);
        JoinSource[] sources = new JoinSource[n];
        JoinSideStage[] stages = new JoinSideStage[n];
        HeldRows[] held = new HeldRows[n];
        for (int k = 0; k < n; k++) {
            JoinInput.Input in = join.inputs().get(k);
            if (in.kind() == JoinInput.Kind.TABLE) {
                int column = indexBy[k] instanceof TypedExpr.AttributeRef a ? a.index() : -1;
                sources[k] = tables.table(in.name(), column);
            } else if (in.kind() == JoinInput.Kind.AGGREGATION) {
                sources[k] = AggregationJoin.NOTHING;
            } else {
                held[k] = new HeldRows(indexBy[k] == null ? null : sideKey(clock, k, n, indexBy[k]));
                sources[k] = held[k];
            }
        }
        // a table as the last input serves the whole ON condition (bound to the left row) from the store
        int last = n - 1;
        if (join.inputs().get(last).kind() == JoinInput.Kind.TABLE) {
            JoinMatcher.Step s = steps[last];
            steps[last] = new JoinMatcher.Step(s.padsLeft(), s.padsRight(), s.on(), s.probe(), s.reverseProbe(),
                    tableLookup(join, last, clock), s.reverseLookup());
        }
        // an aggregation (always the last input) serves the buckets WITHIN ... PER picks for the left row
        if (join.inputs().get(last).kind() == JoinInput.Kind.AGGREGATION) {
            JoinMatcher.Step s = steps[last];
            steps[last] = new JoinMatcher.Step(s.padsLeft(), s.padsRight(), s.on(), null, null,
                    AggregationJoin.lookup(query, context.aggregation(join.inputs().get(last).name()),
                            join.joins().get(last - 1).within(), offsets(join), clock), null);
        }
        // a table on the left of a two-input join serves the ON condition bound to the stream's event
        if (n == 2 && join.inputs().get(0).kind() == JoinInput.Kind.TABLE) {
            JoinMatcher.Step s = steps[1];
            steps[1] = new JoinMatcher.Step(s.padsLeft(), s.padsRight(), s.on(), s.probe(), s.reverseProbe(),
                    s.lookup(), leftTableLookup(join, clock));
        }
        JoinMatcher matcher = new JoinMatcher(sources, widths, steps, ctx);
        JoinStage stage = new JoinStage(matcher, compiler.compile(join.filter()), ctx, selector, needsExpired);
        LatencyHistogram latency = context.latency(query);
        for (int k = 0; k < n; k++) {
            JoinInput.Input in = join.inputs().get(k);
            if (in.kind() == JoinInput.Kind.TABLE || in.kind() == JoinInput.Kind.AGGREGATION) {
                continue;
            }
            boolean triggers = !anyUnidirectional || in.unidirectional();
            OperatorScheduler scheduler = in.window() == null ? null
                    : context.newScheduler(io.eventflux.engine.internal.time.TimerQueue.Order.NORMAL);
            Window window = in.window() == null ? null : in.window().definition().create(new WindowContext() {
                @Override
                public Clock clock() {
                    return clock;
                }

                @Override
                public Scheduler scheduler() {
                    return scheduler;
                }
            });
            stages[k] = new JoinSideStage(k, window, held[k], triggers, stage);
            if (scheduler != null) {
                scheduler.bind(stages[k]);
            }
            context.registerState(query + "/join/" + k, stages[k]);
            if (in.kind() == JoinInput.Kind.PATTERN) {
                PatternJoinSide.build(context, query, k, in, stages[k], latency);
            } else {
                context.junction(in.name()).subscribe(TimedReceiver.of(latency, stages[k]));
            }
        }
    }

    /** The rows of table input k (the last) that the ON condition selects for a left row. */
    private JoinMatcher.Lookup tableLookup(JoinInput join, int k, Clock clock) {
        JoinInput.Input in = join.inputs().get(k);
        int[] offsets = offsets(join);
        EvalContext own = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(clock, own, offsets);
        ConditionTranslator condition = new ConditionTranslator(join.joins().get(k - 1).on(), k, in.schema(),
                compiler, own, offsets[k]);
        JoinSource table = tables.table(in.name(), -1);
        return (left, ts) -> {
            Condition c = condition.bind(java.util.Arrays.copyOf(left, offsets[k]), ts);
            return c == null ? java.util.List.of() : table.find(c);
        };
    }

    /** The rows of table input 0 that the ON condition selects for an event of input 1. */
    private JoinMatcher.Lookup leftTableLookup(JoinInput join, Clock clock) {
        JoinInput.Input in = join.inputs().get(0);
        int eventWidth = join.inputs().get(1).schema().size();
        EvalContext own = new EvalContext();
        // the translator's row is [event | table]: input 1 first, then the table
        ExprCompiler compiler = new ExprCompiler(clock, own, new int[] {eventWidth, 0});
        ConditionTranslator condition = new ConditionTranslator(join.joins().get(0).on(), 0, in.schema(), compiler,
                own, eventWidth);
        JoinSource table = tables.table(in.name(), -1);
        return (event, ts) -> {
            Condition c = condition.bind(event, ts);
            return c == null ? java.util.List.of() : table.find(c);
        };
    }

    /** The key of a row of input k alone: the expression compiled with input k at offset 0. */
    private static Function<Object[], Object> sideKey(Clock clock, int k, int n, TypedExpr key) {
        int[] offsets = new int[n];
        java.util.Arrays.fill(offsets, -1);
        offsets[k] = 0;
        EvalContext own = new EvalContext();
        Expr expr = new ExprCompiler(clock, own, offsets).compile(key);
        return row -> {
            own.bind(row, 0L);
            return expr.eval(own);
        };
    }
}
