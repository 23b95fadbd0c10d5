package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
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

    QueryRuntime(String name, EvalContext ctx, Expr filter, WindowStage window, Selector selector,
            LatencyHistogram latency) {
        this.name = name;
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
    public void processOne(Event event) {
        LatencyHistogram h = latency;
        if (h != null && h.sample()) {
            long start = System.nanoTime();
            processOneUntimed(event);
            h.record(System.nanoTime() - start);
            return;
        }
        // processOneUntimed by hand: a shallower call chain lets the JIT inline the whole path from the
        // input handler, so that an event that goes nowhere is never allocated (escape analysis)
        try {
            accept(event);
            selector.endChunk();
        } catch (RuntimeException e) {
            abort();
            throw e;
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

    private void processOneUntimed(Event event) {
        try {
            accept(event);
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
        if (filter != null) {
            ctx.bind(e.data(), e.timestamp());
            if (!filter.evalBool(ctx)) {
                return;
            }
        }
        if (window == null) {
            selector.onArrival(e);
        } else {
            window.process(e);
        }
    }

    /** Graceful shutdown: flushes what a rate limiter holds. */
    public void flushOnShutdown() {
        selector.sink().flushOnShutdown();
    }
}
