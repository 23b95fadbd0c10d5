package io.eventflux.engine.internal.io;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Stateful;
import io.eventflux.api.io.MappingException;
import io.eventflux.api.io.OfferResult;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import io.eventflux.api.io.SourceMapper;
import io.eventflux.engine.internal.app.Driver;
import io.eventflux.engine.internal.app.InputConverter;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One source stream: maps each payload with the stream's format (or takes data arrays as they are when
 * there is none), checks every event against the schema as input handlers do, and sends the events into
 * the app through its driver. Payloads and events that fail go to the error strategy: a mapping error or
 * a type mismatch is deterministic, so under {@code retry} it is not retried but goes straight to the
 * dead-letter stream (or is dropped) after being counted. Only under {@code fail} does an error reach
 * the source, as an {@link IllegalStateException}.
 *
 * <p>Its {@link #snapshot()} is the source's own (offsets), kept in the app's snapshot as
 * {@code source/<stream>}.
 */
public final class SourceRuntime implements SourceListener, Stateful {
    private static final System.Logger LOG = System.getLogger(SourceRuntime.class.getName());

    private final String app;
    private final ConnectorOptions options;
    private final Source source;
    private final SourceMapper mapper;
    private final InputConverter converter;
    private final StreamJunction junction;
    private final Driver driver;
    private final Clock clock;
    private final ErrorStrategy errors;
    private final Supplier<CompletionStage<Void>> processed;
    private final ConnectionRetry connection;
    private final Object lifecycle = new Object();
    /**
     * Held (shared) while a payload is handed to the driver, and exclusively while the app takes a
     * snapshot: a source records its position once {@code onPayload} returns, so without it a payload
     * handed over after the snapshot task entered the ring, but before the source's position was read,
     * would be in the position and not in the operators' state (lost on restore).
     */
    private final ReentrantReadWriteLock handoff = new ReentrantReadWriteLock();
    private boolean started;

    /**
     * @param mapper the format's mapper, or null: payloads must be {@code Object[]} or a List of them
     * @param processed completes once the app processed what was sent before and its sinks published it
     */
    SourceRuntime(String app, ConnectorOptions options, Source source, SourceMapper mapper, StreamJunction junction,
            Driver driver, Clock clock, ErrorStrategy errors, Supplier<CompletionStage<Void>> processed,
            ScheduledExecutorService scheduler) {
        this.app = app;
        this.options = options;
        this.source = source;
        this.mapper = mapper;
        this.converter = new InputConverter(junction.schema());
        this.junction = junction;
        this.driver = driver;
        this.clock = clock;
        this.errors = errors;
        this.processed = processed;
        this.connection = new ConnectionRetry("app '" + app + "', stream " + options.stream() + ": source '"
                + options.extension() + "'", options.connectBackoff(), scheduler, () -> source.start(this));
    }

    public String stream() {
        return options.stream();
    }

    /** Connects (first attempt now, then in the background). */
    void start() {
        synchronized (lifecycle) {
            if (started) {
                return;
            }
            started = true;
        }
        connection.connect();
    }

    /** Stops retrying and stops the source; returns once it calls this listener no more. */
    void stop() {
        synchronized (lifecycle) {
            if (!started) {
                return;
            }
            started = false;
        }
        connection.cancel();
        try {
            source.stop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "app '" + app + "', stream " + options.stream() + ": source failed to stop", e);
        }
    }

    @Override
    public void onPayload(Object payload, Map<String, String> headers) {
        Lock lock = enter();
        try {
            List<Event> events = events(payload, headers);
            if (!events.isEmpty()) {
                // a stream declared backpressure = 'drop' drops (and counts) on a full ring inside the driver
                driver.send(junction, events);
            }
        } finally {
            exit(lock);
        }
    }

    @Override
    public boolean offer(Object payload, Map<String, String> headers) {
        Lock lock = enter();
        try {
            List<Event> events = events(payload, headers);
            return events.isEmpty() || driver.trySend(junction, events);
        } finally {
            exit(lock);
        }
    }

    /** The shared hand-off lock, or null on the writer itself (its hand-offs are processed at once). */
    private Lock enter() {
        if (driver.isWriterThread()) {
            return null;
        }
        Lock lock = handoff.readLock();
        lock.lock();
        return lock;
    }

    private static void exit(Lock lock) {
        if (lock != null) {
            lock.unlock();
        }
    }

    /** Blocks hand-offs (waiting for those in progress) until the returned lock is unlocked. */
    Lock quiesce() {
        Lock lock = handoff.writeLock();
        lock.lock();
        return lock;
    }

    /**
     * Maps on the caller's thread, so a webhook can answer 400 with the reason: rows that cannot be mapped
     * or do not fit the schema go to the error strategy as for {@link #offer} and their messages come back
     * in a REJECTED result (never thrown, even under {@code fail}, which still fails the app).
     */
    @Override
    public OfferResult offerMapped(Object payload, Map<String, String> headers) {
        Lock lock = enter();
        try {
            return offerMappedInside(payload, headers);
        } finally {
            exit(lock);
        }
    }

    private OfferResult offerMappedInside(Object payload, Map<String, String> headers) {
        StringBuilder rejected = new StringBuilder();
        List<Event> events;
        try {
            events = events(payload, headers, rejected);
        } catch (IllegalStateException failed) {
            return OfferResult.rejected(failed.getMessage());
        }
        if (!events.isEmpty() && !driver.trySend(junction, events)) {
            return OfferResult.FULL;
        }
        return rejected.length() == 0 ? OfferResult.ACCEPTED : OfferResult.rejected(rejected.toString());
    }

    @Override
    public CompletionStage<Void> processed() {
        return processed.get();
    }

    /** A payload the source could not frame (an oversized frame): a MAPPING failure for the error strategy. */
    @Override
    public void onUnreadable(Object payload, String reason, Map<String, String> headers) {
        Lock lock = enter();
        try {
            String m = reason.contains(options.stream()) ? reason : "stream " + options.stream() + ": " + reason;
            fail(new Failure(text(payload), m + at(headers), Failure.MAPPING, 1), null);
        } finally {
            exit(lock);
        }
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        LOG.log(Level.WARNING, "app '" + app + "', stream " + options.stream() + ": source '" + options.extension()
                + "' lost its connection: " + cause + "; restarting it");
        synchronized (lifecycle) {
            if (!started) {
                return;
            }
        }
        // stop it off the source's own thread: Source.stop() may wait for that thread
        connection.reconnect(source::stop);
    }

    private List<Event> events(Object payload, Map<String, String> headers) {
        return events(payload, headers, null);
    }

    /** @param rejected collects the messages of what failed, or null */
    private List<Event> events(Object payload, Map<String, String> headers, StringBuilder rejected) {
        List<Object[]> rows = rows(payload, headers, rejected);
        if (rows.isEmpty()) {
            return List.of();
        }
        long now = clock.now();
        Event[] out = new Event[rows.size()];
        int n = 0;
        for (Object[] row : rows) {
            Object[] data;
            try {
                data = converter.convert(row);
            } catch (IllegalArgumentException e) {
                fail(new Failure(Arrays.deepToString(row), e.getMessage() + at(headers), Failure.TYPE_MISMATCH, 1),
                        rejected);
                continue;
            }
            out[n++] = new Event(now, data);
        }
        return n == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(n == out.length ? out : Arrays.copyOf(out, n)));
    }

    private List<Object[]> rows(Object payload, Map<String, String> headers, StringBuilder rejected) {
        if (mapper != null) {
            try {
                return mapper.map(payload);
            } catch (MappingException | RuntimeException e) {
                fail(new Failure(text(payload), message(e) + at(headers), Failure.MAPPING, 1), rejected);
                return List.of();
            }
        }
        if (payload instanceof Object[] data) {
            return Collections.singletonList(data);
        }
        if (payload instanceof List<?> list && list.stream().allMatch(Object[].class::isInstance)) {
            List<Object[]> rows = new ArrayList<>(list.size());
            list.forEach(r -> rows.add((Object[]) r));
            return rows;
        }
        fail(new Failure(text(payload), "stream " + options.stream() + " has no 'format': a payload must be an "
                + "Object[] or a List of Object[] in the stream's attribute order, got "
                + (payload == null ? "null" : payload.getClass().getName()) + at(headers), Failure.MAPPING, 1),
                rejected);
        return List.of();
    }

    private String message(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.contains(options.stream()) ? m : "stream " + options.stream() + ": " + m;
    }

    private void fail(Failure failure, StringBuilder rejected) {
        if (rejected != null) {
            rejected.append(rejected.length() == 0 ? "" : "; ").append(failure.message());
        }
        if (errors.handle(failure)) {
            throw new IllegalStateException(failure.message());
        }
    }

    private static String at(Map<String, String> headers) {
        String location = headers == null ? null : headers.get(LOCATION);
        return location == null ? "" : " (at " + location + ")";
    }

    static String text(Object payload) {
        if (payload instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (payload instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        return String.valueOf(payload);
    }

    @Override
    public Serializable snapshot() {
        return source.snapshot();
    }

    /** Puts back the source's position; the caller stops the source before and starts it after. */
    @Override
    public void restore(Serializable state) {
        source.restore(state);
    }
}
