package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;
import java.util.List;

/**
 * A typed window condition ({@code WINDOW('expression', 'sum(volume) < 1000')}), what
 * {@link io.eventflux.sql.SqlCompiler#compileCondition} returns.
 *
 * <p>The aggregate arguments read the event being added or removed: {@link TypedExpr.AttributeRef}
 * input 0, index into {@code input}. The condition reads the aggregates ({@link TypedExpr.AggregateRef})
 * and a row of {@code 2 * input.size()} values: the oldest held event's attributes at
 * {@code [0, n)} ({@code first.attr}), then the newest held event's at {@code [n, 2n)} ({@code last.attr}
 * and bare attributes), all as input 0. Both halves are NULL while the window is empty.
 *
 * @param text the condition as written
 * @param input the schema of the window's events
 * @param condition the BOOL condition
 * @param aggregates every aggregate call, indexed by {@link AggregateCall#slot()}
 * @since 1.1
 */
public record ConditionPlan(String text, StreamSchema input, TypedExpr condition, List<AggregateCall> aggregates) {
    public ConditionPlan {
        aggregates = List.copyOf(aggregates);
    }

    /** Where {@code last.attr} starts in the condition's row (the input's size). */
    public int lastOffset() {
        return input.size();
    }
}
