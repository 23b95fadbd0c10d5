package io.eventflux.engine.internal.window;

import io.eventflux.api.Event;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.window.ConditionState;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.ConditionPlan;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One window instance's condition: the aggregators over the held events and the compiled condition,
 * evaluated over a reused row holding the oldest then the newest event's values (see {@link ConditionPlan}).
 */
final class ConditionRuntime implements ConditionState {
    private final EvalContext ctx = new EvalContext();
    private final Expr condition;
    private final Expr[] arguments;
    private final Aggregator[] aggregators;
    private final Object[] row;
    private final int width;

    ConditionRuntime(ConditionPlan plan, Clock clock) {
        ExprCompiler compiler = new ExprCompiler(clock, ctx);
        this.condition = compiler.compile(plan.condition());
        this.width = plan.lastOffset();
        this.row = new Object[2 * width];
        this.arguments = new Expr[plan.aggregates().size()];
        this.aggregators = new Aggregator[arguments.length];
        for (AggregateCall call : plan.aggregates()) {
            arguments[call.slot()] = compiler.compile(call.argument());
            aggregators[call.slot()] = call.definition().create();
        }
    }

    @Override
    public void add(Event event) {
        ctx.bind(event.data(), event.timestamp());
        for (int k = 0; k < aggregators.length; k++) {
            aggregators[k].add(arguments[k] == null ? null : arguments[k].eval(ctx));
        }
    }

    @Override
    public void remove(Event event) {
        ctx.bind(event.data(), event.timestamp());
        for (int k = 0; k < aggregators.length; k++) {
            aggregators[k].remove(arguments[k] == null ? null : arguments[k].eval(ctx));
        }
    }

    @Override
    public void reset() {
        for (Aggregator a : aggregators) {
            a.reset();
        }
    }

    @Override
    public boolean holds(Event first, Event last) {
        fill(first, 0);
        fill(last, width);
        ctx.bind(row, last == null ? 0L : last.timestamp());
        ctx.aggregates = aggregators;
        ctx.wasNull = false;
        return condition.evalBool(ctx);
    }

    private void fill(Event e, int offset) {
        if (e == null) {
            Arrays.fill(row, offset, offset + width, null);
        } else {
            System.arraycopy(e.data(), 0, row, offset, width);
        }
    }

    @Override
    public Serializable snapshot() {
        Serializable[] states = new Serializable[aggregators.length];
        for (int k = 0; k < states.length; k++) {
            states[k] = aggregators[k].snapshot();
        }
        return states;
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Serializable[] states) || states.length != aggregators.length) {
            throw new IllegalArgumentException("not the state of condition with " + aggregators.length
                    + " aggregate(s): " + state);
        }
        for (int k = 0; k < states.length; k++) {
            aggregators[k].restore(states[k]);
        }
    }
}
