package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.join.JoinMatcher;

/**
 * The shared part of a join query: turns a triggering event into joined rows (WHERE applied after the
 * join and NULL padding), collects them as one step for the selector and ends chunks.
 */
final class JoinStage implements JoinMatcher.RowSink {
    private final JoinMatcher matcher;
    private final Expr filter;
    private final EvalContext ctx;
    private final Selector selector;
    private final boolean needsExpired;
    /** The selector projects each joined row as it comes: the matcher's reused row is never kept. */
    private final boolean rowByRow;
    private final StepBuffer step = new StepBuffer();
    /** The triggering event's time and kind, while its joined rows arrive. */
    private long triggerTs;
    private boolean triggerExpired;

    JoinStage(JoinMatcher matcher, Expr filter, EvalContext ctx, Selector selector, boolean needsExpired) {
        this.matcher = matcher;
        this.filter = filter;
        this.ctx = ctx;
        this.selector = selector;
        this.needsExpired = needsExpired;
        this.rowByRow = selector.projectsRowByRow();
    }

    /** Whether expired events must be joined (the query emits them, or aggregates subtract them). */
    boolean needsExpired() {
        return needsExpired;
    }

    void trigger(int input, Event e, boolean expired) {
        triggerTs = e.timestamp();
        triggerExpired = expired;
        matcher.match(input, e.data(), triggerTs, this);
    }

    @Override
    public void row(Object[] joined) {
        if (filter != null) {
            ctx.bind(joined, triggerTs);
            if (!filter.evalBool(ctx)) {
                return;
            }
        }
        if (rowByRow) {
            selector.projectNow(joined, triggerTs, triggerExpired);
        } else {
            step.add(new Event(triggerTs, joined.clone(), triggerExpired), triggerExpired);
        }
    }

    void endStep() {
        selector.step(step);
    }

    void endChunk() {
        selector.endChunk();
    }

    void abort() {
        step.clear();
        selector.abortChunk();
    }
}
