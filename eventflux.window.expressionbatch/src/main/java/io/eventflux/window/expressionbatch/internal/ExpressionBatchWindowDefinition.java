package io.eventflux.window.expressionbatch.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCondition;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/** A validated expressionBatch window: the compiled condition, shared by every instance of the query. */
record ExpressionBatchWindowDefinition(WindowCondition condition) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public Window create(WindowContext context) {
        return new ExpressionBatchWindow(condition.create(context));
    }
}
