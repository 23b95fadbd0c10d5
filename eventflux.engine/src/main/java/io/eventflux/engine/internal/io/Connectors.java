package io.eventflux.engine.internal.io;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.SnapshotParticipant;
import io.eventflux.api.io.SinkFactory;
import io.eventflux.api.io.SourceFactory;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.engine.internal.app.Driver;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The sources and sinks of one app and their lifecycle: sinks start before sources (after the writer);
 * on shutdown sources stop first, the writer drains, then sinks flush and stop.
 */
public final class Connectors {
    private static final System.Logger LOG = System.getLogger(Connectors.class.getName());
    /** Prefix of a source's entry in the app's snapshot. */
    public static final String SOURCE_STATE = "source/";

    /** The dead-letter schema of SQL.md section 7. */
    public static final List<Attribute> DLQ_ATTRIBUTES = List.of(new Attribute("originalEvent", AttributeType.STRING),
            new Attribute("errorMessage", AttributeType.STRING), new Attribute("errorType", AttributeType.STRING),
            new Attribute("timestamp", AttributeType.LONG), new Attribute("attemptCount", AttributeType.INT),
            new Attribute("streamName", AttributeType.STRING));

    private final Driver driver;
    private final Map<String, SourceRuntime> sources;
    private final Map<String, SinkRuntime> sinks;
    private final Map<String, StreamCounters> counters;
    private final SnapshotParticipants participants = new SnapshotParticipants();
    private volatile Consumer<String> failure = reason -> { };

    private Connectors(Driver driver, Map<String, SourceRuntime> sources, Map<String, SinkRuntime> sinks,
            Map<String, StreamCounters> counters) {
        this.driver = driver;
        this.sources = sources;
        this.sinks = sinks;
        this.counters = counters;
    }

    /** An app without connectors. */
    public static Connectors none(Driver driver) {
        return new Connectors(driver, Map.of(), Map.of(), Map.of());
    }

    /**
     * Checks what the connector streams need before anything is built: the extensions and formats exist,
     * a dead-letter stream is declared with the dead-letter schema and is not the stream itself.
     *
     * @param schemas every stream of the app by name
     * @throws IllegalStateException when a connector or mapper is not available
     * @throws IllegalArgumentException naming the stream, the option and what is expected
     */
    public static void check(ExtensionRegistry registry, Map<String, ConnectorOptions> connectors,
            Map<String, StreamSchema> schemas) {
        for (ConnectorOptions o : connectors.values()) {
            String kind = o.isSource() ? "source" : "sink";
            boolean present = o.isSource() ? registry.source(o.extension()).isPresent()
                    : registry.sink(o.extension()).isPresent();
            if (!present) {
                throw new IllegalStateException("stream " + o.stream() + ": " + kind + " extension '" + o.extension()
                        + "' is not available; available " + kind + "s: " + registry.names(kind));
            }
            if (o.format() != null && registry.mapper(o.format()).isEmpty()) {
                throw new IllegalStateException("stream " + o.stream() + ": format '" + o.format()
                        + "' is not available; available formats: " + registry.names("mapper"));
            }
            checkDeadLetterStream(o, schemas);
        }
    }

    private static void checkDeadLetterStream(ConnectorOptions o, Map<String, StreamSchema> schemas) {
        String dlq = o.dlqStream();
        if (dlq == null) {
            return;
        }
        StreamSchema schema = schemas.get(dlq);
        if (schema == null) {
            throw new IllegalArgumentException("stream " + o.stream() + ": error.dlq.stream '" + dlq
                    + "' is not declared; declare CREATE STREAM " + dlq + " " + ConnectorOptions.DLQ_SCHEMA);
        }
        if (dlq.equals(o.stream())) {
            throw new IllegalArgumentException("stream " + o.stream() + ": error.dlq.stream must be another stream");
        }
        if (!schema.attributes().equals(DLQ_ATTRIBUTES)) {
            throw new IllegalArgumentException("stream " + o.stream() + ": dead-letter stream " + dlq + " has schema "
                    + schema.attributes() + ", expected " + ConnectorOptions.DLQ_SCHEMA);
        }
    }

    /**
     * Creates the sources and sinks (not started); sinks subscribe to their junctions.
     *
     * @throws IllegalArgumentException from a factory or mapper, naming the stream and the option
     */
    public static Connectors build(String app, Map<String, ConnectorOptions> connectors,
            Map<String, StreamJunction> junctions, ExtensionRegistry registry, Driver driver, Clock clock,
            ScheduledExecutorService scheduler) {
        Map<String, SourceRuntime> sources = new LinkedHashMap<>();
        Map<String, SinkRuntime> sinks = new LinkedHashMap<>();
        Map<String, StreamCounters> counters = new LinkedHashMap<>();
        Connectors built = new Connectors(driver, sources, sinks, Collections.unmodifiableMap(counters));
        for (ConnectorOptions o : connectors.values()) {
            StreamCounters c = new StreamCounters();
            counters.put(o.stream(), c);
            StreamJunction junction = junctions.get(o.stream());
            StreamJunction dlq = o.dlqStream() == null ? null : junctions.get(o.dlqStream());
            MapperFactory mapper = o.format() == null ? null : registry.mapper(o.format()).orElseThrow();
            if (o.isSource()) {
                SourceFactory factory = registry.source(o.extension()).orElseThrow();
                ErrorStrategy errors = new ErrorStrategy(o, c, dlq, driver, clock, built::fail, false);
                io.eventflux.api.io.Source source = factory.create(o.spec());
                if (source instanceof SnapshotParticipant p) {
                    built.participants.addSource("stream " + o.stream() + ": source '" + o.extension() + "'", p);
                }
                sources.put(o.stream(), new SourceRuntime(app, o, source,
                        mapper == null ? null : mapper.sourceMapper(o.spec()), junction, driver, clock, errors,
                        built::processed, scheduler));
            } else {
                SinkFactory factory = registry.sink(o.extension()).orElseThrow();
                List<SinkWorker> workers = new ArrayList<>();
                int n = o.async() ? o.workers() : 1;
                for (int i = 0; i < n; i++) {
                    ErrorStrategy errors = new ErrorStrategy(o, c, dlq, driver, clock, built::fail, o.async());
                    io.eventflux.api.io.Sink sink = factory.create(o.spec());
                    if (sink instanceof SnapshotParticipant p) {
                        if (o.async()) {
                            throw new IllegalArgumentException("stream " + o.stream() + ": sink '" + o.extension()
                                    + "' commits its results with the app's snapshots, on the app's writer: "
                                    + "remove async.enabled");
                        }
                        built.participants.addSink("stream " + o.stream() + ": sink '" + o.extension() + "'", p);
                    }
                    workers.add(new SinkWorker(app, o, sink,
                            mapper == null ? null : mapper.sinkMapper(o.spec()), errors, scheduler));
                }
                AsyncSinkQueue queue = o.async() ? new AsyncSinkQueue(app, junction, workers, o.bufferSize(),
                        o.batchSizeMax(), o.dropOnBackpressure()) : null;
                SinkRuntime sink = new SinkRuntime(o, workers, queue);
                junction.subscribe(sink);
                sinks.put(o.stream(), sink);
            }
        }
        return built;
    }

    /** The sources and sinks that take part in the app's snapshots. */
    public SnapshotParticipants participants() {
        return participants;
    }

    /** Where {@code error.strategy = fail} reports (the app fails and stops in the background). */
    public void onFailure(Consumer<String> handler) {
        this.failure = handler;
    }

    private void fail(String reason) {
        failure.accept(reason);
    }

    /** Sinks first (the writer runs already), then sources. */
    public void start() {
        sinks.values().forEach(SinkRuntime::start);
        sources.values().forEach(SourceRuntime::start);
    }

    /** Before the writer drains: no more input from outside. */
    public void stopSources() {
        for (SourceRuntime s : sources.values()) {
            s.stop();
        }
    }

    /** After the writer drained: flush and disconnect. */
    public void stopSinks() {
        for (SinkRuntime s : sinks.values()) {
            try {
                s.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stopping the sink of stream " + s.stream() + " failed", e);
            }
        }
    }

    /** Completes once the writer processed what was sent before and the sinks published what it produced. */
    public CompletionStage<Void> processed() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            driver.execute(() -> {
                CompletableFuture<?>[] parts = sinks.values().stream().map(SinkRuntime::published)
                        .toArray(CompletableFuture[]::new);
                CompletableFuture.allOf(parts).whenComplete((v, e) -> {
                    if (e != null) {
                        done.completeExceptionally(e);
                    } else {
                        done.complete(null);
                    }
                });
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** The counters of a connector stream, or null when it has no connector. */
    public StreamCounters counters(String stream) {
        return counters.get(stream);
    }

    /** Whether a stream has a source. */
    public boolean hasSource(String stream) {
        return sources.containsKey(stream);
    }

    /** The sink of a stream, or null. */
    public SinkRuntime sink(String stream) {
        return sinks.get(stream);
    }

    /** Writer thread: every source's position, keyed {@code source/<stream>}. */
    /**
     * Runs {@code snapshot} (which takes the app's snapshot on the writer) while no source hands anything
     * over, so every payload a source's position counts is ahead of the snapshot in the writer's order.
     */
    public <T> T quiesced(java.util.function.Supplier<T> snapshot) {
        java.util.List<java.util.concurrent.locks.Lock> held = new java.util.ArrayList<>();
        try {
            for (SourceRuntime s : sources.values()) {
                held.add(s.quiesce());
            }
            return snapshot.get();
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
        }
    }

    public Map<String, Serializable> snapshot() {
        Map<String, Serializable> out = new LinkedHashMap<>();
        sources.forEach((k, v) -> out.put(SOURCE_STATE + k, v.snapshot()));
        return out;
    }

    /**
     * Before {@link #start()}: puts back sources' positions, so that each source starts reading from its
     * restored position (an app resumed after an extension change).
     *
     * @throws IllegalArgumentException naming an unknown source
     */
    public void restoreBeforeStart(String app, Map<String, Serializable> states) {
        for (Map.Entry<String, Serializable> e : states.entrySet()) {
            SourceRuntime s = sources.get(e.getKey().substring(SOURCE_STATE.length()));
            if (s == null) {
                throw new IllegalArgumentException("app '" + app + "' has no state '" + e.getKey() + "'");
            }
            s.restore(e.getValue());
        }
    }

    /**
     * Puts back sources' positions: each source named in {@code states} is stopped, restored and started
     * again, so that it restarts from the restored position.
     *
     * @throws IllegalArgumentException naming an unknown source
     */
    public void restore(String app, Map<String, Serializable> states) {
        for (Map.Entry<String, Serializable> e : states.entrySet()) {
            SourceRuntime s = sources.get(e.getKey().substring(SOURCE_STATE.length()));
            if (s == null) {
                throw new IllegalArgumentException("app '" + app + "' has no state '" + e.getKey() + "'");
            }
        }
        for (Map.Entry<String, Serializable> e : states.entrySet()) {
            SourceRuntime s = sources.get(e.getKey().substring(SOURCE_STATE.length()));
            s.stop();
            s.restore(e.getValue());
            s.start();
        }
    }
}
