package io.eventflux.connector.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import io.eventflux.api.io.SourceListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The manual acknowledgements of one consumer channel. Deliveries on a channel have increasing tags, so
 * one {@code basic.ack(tag, multiple = true)} acknowledges everything up to a tag. A delivery is acked only
 * once {@link SourceListener#processed()}, asked after it was handed over, has completed: the app's queries
 * and sinks are done with it. One request is out at a time; what arrives meanwhile is covered by the next
 * one. What is never acked (connection lost, source stopped first) is delivered again by the broker.
 */
final class Acks {
    private static final System.Logger LOG = System.getLogger(Acks.class.getName());

    private final Channel channel;
    private final SourceListener listener;
    private final String owner;
    private long delivered;
    private long acked;
    private boolean awaiting;
    private boolean closed;

    Acks(Channel channel, SourceListener listener, String owner) {
        this.channel = channel;
        this.listener = listener;
        this.owner = owner;
    }

    /** The delivery with this tag was handed to the app. */
    synchronized void delivered(long tag) {
        delivered = Math.max(delivered, tag);
        if (!awaiting && !closed) {
            request();
        }
    }

    private void request() {
        awaiting = true;
        long upTo = delivered;
        listener.processed().whenComplete((v, e) -> completed(upTo, e));
    }

    private synchronized void completed(long upTo, Throwable failure) {
        awaiting = false;
        if (closed) {
            return;
        }
        if (failure != null) {
            // the app did not process them (it failed or is stopping): left unacked, delivered again
            LOG.log(Level.DEBUG, owner + ": deliveries up to " + upTo + " not processed (" + failure + ")");
            return;
        }
        ack(upTo);
        if (delivered > acked) {
            request();
        }
    }

    private void ack(long upTo) {
        if (upTo <= acked) {
            return;
        }
        try {
            channel.basicAck(upTo, true);
            acked = upTo;
        } catch (IOException | RuntimeException e) {
            // the channel is gone: the broker delivers the unacked messages again
            closed = true;
            LOG.log(Level.DEBUG, owner + ": cannot ack up to delivery " + upTo + ", it is delivered again: " + e);
        }
    }

    /**
     * On stop: waits up to {@code timeoutMillis} for the app to process what it got and acks it; then acks
     * no more. What is not acked by then goes back to the queue when the channel closes.
     */
    void drain(long timeoutMillis) {
        long upTo;
        synchronized (this) {
            upTo = delivered;
            if (closed || upTo <= acked || timeoutMillis <= 0) {
                closed = true;
                return;
            }
        }
        try {
            listener.processed().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
            synchronized (this) {
                ack(upTo);
            }
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(Level.DEBUG, owner + ": deliveries not processed on stop go back to the queue");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                closed = true;
            }
        }
    }

    synchronized long acked() {
        return acked;
    }
}
