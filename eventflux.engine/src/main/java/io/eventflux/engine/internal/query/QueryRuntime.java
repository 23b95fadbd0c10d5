package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.stream.EventChunk;

/**
 * One running query: filter (WHERE, before the window) -> window -> selector -> rate limiter -> output
 * stream. Every event it receives is an arrival. One input chunk gives one output chunk (batch flushes
 * are chunks of their own).
 */
public final class QueryRuntime implements ChunkReceiver {
    private final String name;
    private final EvalContext ctx;
    private final Expr filter;
    private final WindowStage window;
    private final Selector selector;
    /** Where each chunk's time goes; null when whoever feeds this query times the chunks. */
    private final LatencyHistogram latency;
    /** Stamps events sent {@link EvalContext#UNSTAMPED} that pass the filter; null if it takes none. */
    private final Clock clock;

    /** @param clock the app's clock if the query may stamp events on demand (see {@link #stampsOnDemand}) */
    QueryRuntime(String name, EvalContext ctx, Expr filter, WindowStage window, Selector selector,
            LatencyHistogram latency, Clock clock) {
        this.name = name;
        this.clock = window == null && selector.keepsNoEvent() ? clock : null;
        this.latency = latency;
        this.ctx = ctx;
        this.filter = filter;
        this.window = window;
        this.selector = selector;
    }

    public String name() {
        return name;
    }

    @Override
    public void process(EventChunk chunk) {
        LatencyHistogram h = latency;
        if (h == null || !h.sample()) {
            processUntimed(chunk);
            return;
        }
        long start = System.nanoTime();
        processUntimed(chunk);
        // a chunk that failed is not timed: the app reports the failure itself
        h.record(System.nanoTime() - start);
    }

    @Override
    public boolean takesSingleEvents() {
        return true;
    }

    @Override
    public boolean stampsOnDemand() {
        return clock != null;
    }

    @Override
    public void processOne(Event event) {
        // One call site takes the event, timed or not: escape analysis gives up on an object that any
        // path hands to a method it does not inline (a sampled path is rare, so it is not inlined), and
        // the event of the input handler is then allocated on every send, also when it goes nowhere.
        LatencyHistogram h = latency;
        boolean timed = h != null && h.sample();
        long start = timed ? System.nanoTime() : 0L;
        try {
            accept(event);
            selector.endChunk();
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
        if (timed) {
            // a chunk that failed is not timed: the app reports the failure itself
            h.record(System.nanoTime() - start);
        }
    }

    private void processUntimed(EventChunk chunk) {
        try {
            int n = chunk.size();
            for (int i = 0; i < n; i++) {
                accept(chunk.get(i));
            }
            selector.endChunk();
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Drops the half-built chunk so that the next one does not carry its rows. */
    private void abort() {
        if (window != null) {
            window.abort();
        }
        selector.abortChunk();
    }

    private void accept(Event e) {
        long t = e.timestamp();
        if (filter != null) {
            ctx.bind(e.data(), t);
            if (!filter.evalBool(ctx)) {
                return;
            }
            t = ctx.timestamp; // stamped if a function asked for the time of an unstamped event
        }
        if (window == null) {
            selector.onArrival(e, t == EvalContext.UNSTAMPED ? clock.now() : t);
        } else {
            window.process(e);
        }
    }

    /** Graceful shutdown: flushes what a rate limiter holds. */
    public void flushOnShutdown() {
        selector.sink().flushOnShutdown();
    }
}
