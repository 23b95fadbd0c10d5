package io.eventflux.engine.internal.aggregation;

import io.eventflux.api.Event;
import io.eventflux.engine.internal.io.ConnectorOptions;
import io.eventflux.engine.internal.io.Connectors;
import io.eventflux.engine.internal.io.DropLog;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where an event an aggregation cannot place goes (a NULL {@code AGGREGATE BY} value): the error strategy of
 * the aggregation's source stream ({@code error.strategy}, as for the stream's connector and its event-time
 * gate): {@code drop} (the default; also {@code retry}, nothing to retry) logs at most one line per
 * {@value DropLog#INTERVAL_SECONDS} s, {@code dlq} sends a dead-letter event into {@code error.dlq.stream},
 * {@code fail} fails the app. Every such event is counted, whatever the strategy. Writer thread.
 */
public final class BadEvents {
    private static final System.Logger LOG = System.getLogger(BadEvents.class.getName());

    private enum Strategy { DROP, DLQ, FAIL }

    private final String app;
    private final String stream;
    private final Strategy strategy;
    private final StreamJunction dlq;
    private final Consumer<String> failApp;
    private final AtomicLong count = new AtomicLong();
    private final DropLog dropLog;

    private BadEvents(String app, String stream, Strategy strategy, StreamJunction dlq, Consumer<String> failApp) {
        this.app = app;
        this.stream = stream;
        this.strategy = strategy;
        this.dlq = dlq;
        this.failApp = failApp;
        this.dropLog = new DropLog(LOG, "app '" + app + "': ");
    }

    /** Drops (counted, logged): an aggregation not wired to its stream's options. */
    static BadEvents dropping(String app, String stream) {
        return new BadEvents(app, stream, Strategy.DROP, null, reason -> { });
    }

    /**
     * The strategy of {@code options} (the source stream's resolved options, or null).
     *
     * @param junctions the app's streams by name (the dead-letter stream)
     * @throws IllegalArgumentException for a bad strategy or dead-letter stream (naming the app and stream)
     */
    public static BadEvents of(String app, String stream, Map<String, String> options,
            Function<String, StreamJunction> junctions, Consumer<String> failApp) {
        String prefix = "app '" + app + "': stream " + stream + ": ";
        String s = option(options, "error.strategy");
        Strategy strategy = Strategy.DROP;
        if (s != null) {
            strategy = switch (s.toLowerCase(Locale.ROOT)) {
                case "drop", "retry" -> Strategy.DROP;
                case "dlq" -> Strategy.DLQ;
                case "fail" -> Strategy.FAIL;
                default -> throw new IllegalArgumentException(prefix + "option 'error.strategy' must be one of "
                        + "[dlq, drop, fail, retry], was '" + s + "'");
            };
        }
        StreamJunction dlq = null;
        if (strategy == Strategy.DLQ) {
            String name = option(options, "error.dlq.stream");
            if (name == null) {
                throw new IllegalArgumentException(prefix + "error.strategy = 'dlq' needs 'error.dlq.stream'");
            }
            dlq = junctions.apply(name);
            if (dlq == null || name.equals(stream) || !dlq.schema().attributes().equals(Connectors.DLQ_ATTRIBUTES)) {
                throw new IllegalArgumentException(prefix + "error.dlq.stream '" + name + "' must be another "
                        + "declared stream " + ConnectorOptions.DLQ_SCHEMA);
            }
        }
        return new BadEvents(app, stream, strategy, dlq, failApp);
    }

    private static String option(Map<String, String> options, String key) {
        if (options == null) {
            return null;
        }
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key) && e.getValue() != null && !e.getValue().isBlank()) {
                return e.getValue().trim();
            }
        }
        return null;
    }

    /** Hands one bad event to the strategy, at app time {@code now}. */
    void reject(long now, Object[] data, String type, String message) {
        count.incrementAndGet();
        switch (strategy) {
            case FAIL -> failApp.accept(message);
            case DLQ -> {
                EventChunk chunk = new EventChunk(1);
                chunk.add(new Event(now, new Object[] {Arrays.toString(data), message, type, now, 1, stream}));
                dlq.publish(chunk);
            }
            case DROP -> dropLog.dropped(message);
        }
    }

    /** Bad events so far, wherever they went (any thread). */
    long count() {
        return count.get();
    }
}
