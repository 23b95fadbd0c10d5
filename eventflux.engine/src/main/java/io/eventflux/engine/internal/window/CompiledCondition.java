package io.eventflux.engine.internal.window;

import io.eventflux.api.window.ConditionState;
import io.eventflux.api.window.WindowCondition;
import io.eventflux.api.window.WindowContext;
import io.eventflux.sql.plan.ConditionPlan;

/** A typed window condition; each window instance gets its own executors and aggregators. */
final class CompiledCondition implements WindowCondition {
    private final ConditionPlan plan;

    CompiledCondition(ConditionPlan plan) {
        this.plan = plan;
    }

    @Override
    public String expression() {
        return plan.text();
    }

    @Override
    public ConditionState create(WindowContext context) {
        return new ConditionRuntime(plan, context.clock());
    }

    @Override
    public String toString() {
        return "condition '" + plan.text() + "'";
    }
}
