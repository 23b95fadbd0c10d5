package io.eventflux.connector.mqtt.internal;

import io.eventflux.api.io.SourceListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The manual acknowledgements (PUBACK for QoS 1, PUBCOMP for QoS 2) of one connection's messages: sent
 * only once {@link SourceListener#processed()}, asked after the message was handed over, has completed.
 * One request is out at a time; messages arriving meanwhile wait for the next. Unacknowledged messages are
 * delivered again by the broker when the session resumes (at-least-once).
 */
final class MqttAcks {
    private static final System.Logger LOG = System.getLogger(MqttAcks.class.getName());

    private record Pending(int id, int qos) {
    }

    private final Link link;
    private final SourceListener listener;
    private final String owner;
    private List<Pending> waiting = new ArrayList<>();
    private List<Pending> outstanding = List.of();
    private boolean closed;

    MqttAcks(Link link, SourceListener listener, String owner) {
        this.link = link;
        this.listener = listener;
        this.owner = owner;
    }

    synchronized void delivered(int id, int qos) {
        waiting.add(new Pending(id, qos));
        if (outstanding.isEmpty() && !closed) {
            request();
        }
    }

    private void request() {
        List<Pending> batch = waiting;
        waiting = new ArrayList<>();
        outstanding = batch;
        listener.processed().whenComplete((v, e) -> completed(batch, e));
    }

    private synchronized void completed(List<Pending> batch, Throwable failure) {
        if (outstanding != batch) {
            return;
        }
        outstanding = List.of();
        if (closed) {
            return;
        }
        if (failure != null) {
            LOG.log(Level.DEBUG, owner + ": " + batch.size() + " messages not processed (" + failure + ")");
            return;
        }
        ack(batch);
        if (!waiting.isEmpty()) {
            request();
        }
    }

    private void ack(List<Pending> batch) {
        for (Pending p : batch) {
            try {
                link.ack(p.id(), p.qos());
            } catch (Exception e) {
                // disconnected: the broker delivers the message again when the session resumes
                LOG.log(Level.DEBUG, owner + ": cannot ack message " + p.id() + ": " + e);
                return;
            }
        }
    }

    /** On stop: gives the app {@code timeoutMillis} to process what it got, acks it, and acks no more. */
    void drain(long timeoutMillis) {
        List<Pending> all;
        synchronized (this) {
            all = new ArrayList<>(outstanding);
            all.addAll(waiting);
            if (closed || all.isEmpty() || timeoutMillis <= 0) {
                closed = true;
                return;
            }
        }
        try {
            listener.processed().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
            synchronized (this) {
                ack(all);
            }
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(Level.DEBUG, owner + ": messages not processed on stop are delivered again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                closed = true;
            }
        }
    }
}
