package io.eventflux.window.expression.internal;

import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCondition;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/** A validated expression window: the compiled condition, shared by every instance of the query. */
record ExpressionWindowDefinition(WindowCondition condition) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return false;
    }

    @Override
    public Window create(WindowContext context) {
        return new ExpressionWindow(condition.create(context));
    }
}
