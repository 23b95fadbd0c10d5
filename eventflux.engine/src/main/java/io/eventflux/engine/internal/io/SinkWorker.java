package io.eventflux.engine.internal.io;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkMapper;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One sink instance and its connection, fed on one thread at a time (the app's writer, or one async
 * worker). Maps each event ({@code format}, or the event itself as payload), publishes it and flushes once
 * per batch. A publish that fails, or any publish while not connected, goes to the error strategy; a
 * flush that fails fails every event published since the last successful flush. Under {@code retry} the
 * failed publish (or the whole unflushed batch) is tried again after the backoff, on this thread, which
 * therefore waits: a sink that must not stall the writer runs with {@code async.enabled = true}.
 */
final class SinkWorker {
    private static final System.Logger LOG = System.getLogger(SinkWorker.class.getName());

    private final String app;
    private final ConnectorOptions options;
    private final Sink sink;
    private final SinkMapper mapper;
    private final ErrorStrategy errors;
    private final ConnectionRetry connection;

    /** @param mapper the format's mapper, or null: the payload is the {@link Event} itself */
    SinkWorker(String app, ConnectorOptions options, Sink sink, SinkMapper mapper, ErrorStrategy errors,
            ScheduledExecutorService scheduler) {
        this.app = app;
        this.options = options;
        this.sink = sink;
        this.mapper = mapper;
        this.errors = errors;
        this.connection = new ConnectionRetry("app '" + app + "', stream " + options.stream() + ": sink '"
                + options.extension() + "'", options.connectBackoff(), scheduler, sink::start);
    }

    void start() {
        connection.connect();
    }

    boolean isConnected() {
        return connection.isConnected();
    }

    /** Stops reconnecting; flushes and disconnects the sink if it is connected. */
    void stop() {
        // a snapshot participant may hold a connection from enlist() without having started
        if (connection.cancel() || sink instanceof io.eventflux.api.io.SnapshotParticipant) {
            try {
                sink.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "app '" + app + "', stream " + options.stream() + ": sink failed to stop", e);
            }
        }
    }

    /** Publishes a batch and flushes it. Never throws: failures go to the error strategy. */
    void deliver(List<Event> events) {
        List<Event> sent = new ArrayList<>(events.size());
        List<Object> payloads = new ArrayList<>(events.size());
        for (Event e : events) {
            Object payload;
            try {
                payload = mapper == null ? e : mapper.map(e);
            } catch (RuntimeException ex) {
                if (errors.handle(new Failure(Arrays.deepToString(e.data()), message(ex), Failure.MAPPING, 1))) {
                    return;
                }
                continue;
            }
            int attempts = 0;
            while (true) {
                attempts++;
                Exception failed = publish(payload, e);
                if (failed == null) {
                    sent.add(e);
                    payloads.add(payload);
                    break;
                }
                if (errors.retries(attempts) && errors.waitBeforeRetry(attempts)) {
                    continue;
                }
                if (errors.handle(failure(e, failed, attempts))) {
                    return;
                }
                break;
            }
        }
        if (!sent.isEmpty()) {
            flush(sent, payloads);
        }
    }

    private void flush(List<Event> sent, List<Object> payloads) {
        int attempts = 0;
        while (true) {
            attempts++;
            Exception failed = attempts == 1 ? flushOnce() : republishAndFlush(sent, payloads);
            if (failed == null) {
                return;
            }
            if (errors.retries(attempts) && errors.waitBeforeRetry(attempts)) {
                continue;
            }
            for (Event e : sent) {
                if (errors.handle(failure(e, failed, attempts))) {
                    return;
                }
            }
            return;
        }
    }

    private Exception publish(Object payload, Event e) {
        if (!connection.isConnected()) {
            return new NotConnected();
        }
        try {
            sink.publish(payload, e);
            return null;
        } catch (Exception ex) {
            return ex;
        }
    }

    private Exception flushOnce() {
        try {
            sink.flush();
            return null;
        } catch (Exception ex) {
            return ex;
        }
    }

    private Exception republishAndFlush(List<Event> sent, List<Object> payloads) {
        for (int i = 0; i < sent.size(); i++) {
            Exception failed = publish(payloads.get(i), sent.get(i));
            if (failed != null) {
                return failed;
            }
        }
        return flushOnce();
    }

    private Failure failure(Event e, Exception failed, int attempts) {
        String data = Arrays.deepToString(e.data());
        if (failed instanceof NotConnected) {
            return new Failure(data, "stream " + options.stream() + ": sink '" + options.extension()
                    + "' is not connected; event " + data + " not published", Failure.NOT_CONNECTED, attempts);
        }
        return new Failure(data, "stream " + options.stream() + ": sink '" + options.extension()
                + "' failed to publish " + data + ": " + failed, Failure.SINK, attempts);
    }

    private String message(RuntimeException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.contains(options.stream()) ? m : "stream " + options.stream() + ": " + m;
    }

    /** Stands for "not connected yet" in the retry loop (no stack trace: it is not exceptional here). */
    private static final class NotConnected extends Exception {
        private static final long serialVersionUID = 1L;

        NotConnected() {
            super("not connected", null, false, false);
        }
    }
}
