package io.eventflux.connector.mqtt.internal;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes each payload to {@code mqtt.topic} at {@code mqtt.qos} (with {@code mqtt.retain}) without
 * waiting; {@link #flush} waits until every message since the previous flush is complete (written for QoS 0,
 * acknowledged by the broker for QoS 1 and 2) and fails, so that the engine hands those events to the
 * stream's error strategy, when any failed, did not complete within {@code mqtt.completion.timeout.ms}, or
 * was in flight when the connection was lost. A lost connection is opened again by the next publish (the
 * error strategy's retry, with its backoff).
 */
final class MqttSink implements Sink, Link.Handler {
    private static final System.Logger LOG = System.getLogger(MqttSink.class.getName());
    private static final long SLICE_MILLIS = 100;

    private final MqttOptions options;
    private final String topic;
    private final List<Link.Delivery> pending = new ArrayList<>();
    private Link link;
    /** Since the last flush: messages that failed, and the first failure. */
    private int failed;
    private String firstFailure;

    MqttSink(MqttOptions options) {
        this.options = options;
        this.topic = options.topics().get(0);
    }

    @Override
    public synchronized void start() throws Exception {
        if (link == null) {
            connect();
        }
    }

    /** A new client each time: Paho's client is not reliably reusable after a lost connection. */
    private void connect() throws IOException {
        Link l = null;
        try {
            // nothing kept from the previous client: the engine publishes a failed batch again itself
            l = Links.create(options, this, false, new KeptPersistence());
            l.connect();
            link = l;
        } catch (Exception e) {
            if (l != null) {
                l.close();
            }
            throw new IOException(options.where() + ": cannot connect: " + Links.describe(e), e);
        }
    }

    @Override
    public synchronized void publish(Object payload, Event event) throws Exception {
        if (link == null || !link.isConnected()) {
            if (link != null) {
                awaitPending(); // what was in flight on the lost connection fails this batch
                link.close();
                link = null;
            }
            connect();
        }
        if (pending.size() >= options.maxInflight()) {
            awaitPending();
        }
        byte[] body = payload instanceof byte[] b ? b : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
        try {
            pending.add(link.publish(topic, body, options.qos(), options.retain()));
        } catch (Exception e) {
            throw new IOException(options.where() + ": publish to topic '" + topic + "' failed: " + Links.describe(e),
                    e);
        }
    }

    /** Waits for every pending message, counting those that fail or cannot complete. */
    private void awaitPending() {
        long deadline = System.nanoTime() + options.completionTimeoutMillis() * 1_000_000L;
        for (Link.Delivery d : pending) {
            String failure = await(d, deadline);
            if (failure != null) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = failure;
                }
            }
        }
        pending.clear();
    }

    private String await(Link.Delivery d, long deadline) {
        while (!d.isComplete()) {
            if (!link.isConnected()) {
                return "the connection was lost before it completed";
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return "not complete within " + options.completionTimeoutMillis() + " ms ("
                        + MqttOptions.COMPLETION_TIMEOUT + ")";
            }
            try {
                d.await(Math.min(SLICE_MILLIS, left));
            } catch (Exception e) {
                if (d.isComplete()) {
                    break;
                }
            }
        }
        Throwable f = d.failure();
        return f == null ? null : Links.describe(f);
    }

    @Override
    public synchronized void flush() throws IOException {
        int attempted = pending.size() + failed;
        awaitPending();
        int count = failed;
        String first = firstFailure;
        failed = 0;
        firstFailure = null;
        if (count > 0) {
            throw new IOException(options.where() + ": " + count + " of " + attempted + " messages to topic '" + topic
                    + "' (QoS " + options.qos() + ") failed: " + first);
        }
    }

    @Override
    public void message(String t, byte[] payload, int id, int qos, boolean duplicate) {
        // a sink subscribes to nothing
    }

    @Override
    public void lost(Throwable cause) {
        LOG.log(Level.DEBUG, options.where() + ": connection lost (the next publish reconnects): "
                + Links.describe(cause));
    }

    @Override
    public synchronized void stop() {
        if (link != null) {
            awaitPending();
            link.close();
            link = null;
        }
    }

    @Override
    public String toString() {
        return "mqtt sink " + options;
    }
}
