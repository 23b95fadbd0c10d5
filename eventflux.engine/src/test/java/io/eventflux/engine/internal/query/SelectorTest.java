package io.eventflux.engine.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Argument;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.testext.TestAggregators;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selector on its own: batch flushes, group order, per-batch reset, grouped keys for rate limiting. */
class SelectorTest {
    private final EvalContext ctx = new EvalContext();
    private final ExprCompiler compiler = new ExprCompiler(() -> 0L, ctx);
    private final List<String> out = new ArrayList<>();
    private final List<Object> keys = new ArrayList<>();

    private Selector selector(boolean emitCurrent, boolean emitExpired) {
        TypedExpr k = new TypedExpr.AttributeRef(0, 0, "k", AttributeType.STRING);
        TypedExpr v = new TypedExpr.AttributeRef(0, 1, "v", AttributeType.INT);
        AggregatorDefinition sum = new TestAggregators.Sum().define(
                new AggregatorSpec("sum", List.of(Argument.attribute("v", 1, AttributeType.INT)), false));
        Expr[] columns = {compiler.compile(k), compiler.compile(new TypedExpr.AggregateRef(0, AttributeType.LONG))};
        Selector.Spec spec = new Selector.Spec(columns, null, new Expr[] {compiler.compile(k)}, new Expr[0],
                new boolean[0], 0, Long.MAX_VALUE, false, new Expr[] {compiler.compile(v)}, new AggregatorDefinition[] {sum},
                emitCurrent, emitExpired, Selector.SnapshotView.NONE);
        // a sink that rate-limits per group: the rows carry their group keys
        return new Selector(ctx, spec, new RowSink() {
            @Override
            public void accept(RowBuffer rows) {
                for (int i = 0; i < rows.size(); i++) {
                    Event e = rows.event(i);
                    out.add(e.timestamp() + (e.isExpired() ? "x" : "") + Arrays.toString(e.data()));
                    keys.add(rows.groupKey(i));
                }
            }

            @Override
            public boolean needsGroupKeys() {
                return true;
            }
        });
    }

    private static Event ev(long ts, String k, int v) {
        return new Event(ts, new Object[] {k, v});
    }

    @Test
    void batchFlushEmitsOneRowPerGroupInFirstAppearanceOrderAndResetsPerBatch() {
        Selector s = selector(true, false);
        s.batchCurrent(ev(1, "b", 1));
        s.batchCurrent(ev(2, "a", 2));
        s.batchCurrent(ev(3, "b", 3));
        s.flushBatch(10);
        s.batchCurrent(ev(11, "a", 5));
        s.flushBatch(20);
        s.flushBatch(30); // empty batch: nothing
        assertThat(out).containsExactly("10[b, 4]", "10[a, 2]", "20[a, 5]");
        assertThat(keys).containsExactly("b", "a", "a");
    }

    @Test
    void expiredBatchAggregatesComeFirstMarkedExpired() {
        Selector s = selector(true, true);
        s.batchCurrent(ev(1, "a", 1));
        s.flushBatch(10);
        s.batchExpired(ev(1, "a", 1), 20);
        s.batchCurrent(ev(15, "a", 7));
        s.flushBatch(20);
        assertThat(out).containsExactly("10[a, 1]", "20x[a, 1]", "20[a, 7]");
    }

    @Test
    void slidingStepUpdatesAggregatesBeforeProducingRows() {
        Selector s = selector(true, true);
        StepBuffer step = new StepBuffer();
        step.add(ev(1, "a", 1), false);
        s.step(step);
        // the window reports the arrival before the departure: the row still sees the state after both
        step.add(ev(2, "a", 10), false);
        step.add(ev(1, "a", 1).asExpired(2), true);
        s.step(step);
        s.endChunk();
        assertThat(out).containsExactly("1[a, 1]", "2[a, 10]", "2x[a, 10]");
    }

    @Test
    void snapshotRestoresGroupsAndPendingBatch() {
        Selector s = selector(true, false);
        s.onArrival(ev(1, "a", 3), 1);
        s.batchCurrent(ev(2, "b", 4));
        java.io.Serializable state = s.snapshot();
        Selector t = selector(true, false);
        t.restore(state);
        out.clear();
        t.onArrival(ev(3, "a", 1), 3);
        t.endChunk();
        t.flushBatch(9);
        assertThat(out).containsExactly("3[a, 4]", "9[b, 4]");
    }
}
