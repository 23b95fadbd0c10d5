package io.eventflux.connector.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.eventflux.api.io.SourceListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One connection of a source: a channel with {@code basic.qos(prefetch)} consuming the queue with manual
 * acks ({@link Acks}). Deliveries come on the client's consumer thread, one at a time per channel, and are
 * handed over with the blocking {@link SourceListener#onPayload}: when the app is full (or the source is
 * paused) that thread waits, and the broker sends no more than {@code prefetch} unacknowledged messages.
 * A connection or channel closed by the broker or the network, or the consumer cancelled by the broker
 * (queue deleted), is reported with {@link SourceListener#onConnectionLost}.
 */
final class ConsumerSession {
    private static final System.Logger LOG = System.getLogger(ConsumerSession.class.getName());
    private static final long STOP_WAIT_SECONDS = 30;

    private final RabbitOptions options;
    private final SourceListener listener;
    private final Pause pause;
    private final Connection connection;
    private final Channel channel;
    private final Acks acks;
    private final ReentrantLock delivering = new ReentrantLock();
    private final boolean binary;
    private volatile boolean stopping;
    private volatile boolean refused;
    private String consumerTag;

    /** Waits while the engine has the source paused; returns false when the session stops meanwhile. */
    interface Pause {
        boolean awaitResumed(BooleanSupplier stopping) throws InterruptedException;
    }

    private ConsumerSession(RabbitOptions options, SourceListener listener, Pause pause, Connection connection,
            Channel channel) {
        this.options = options;
        this.listener = listener;
        this.pause = pause;
        this.connection = connection;
        this.channel = channel;
        this.acks = new Acks(channel, listener, options.owner());
        this.binary = options.binary();
    }

    /** Connects, checks (or declares) the queue and starts consuming. */
    static ConsumerSession open(RabbitOptions options, SourceListener listener, Pause pause) throws IOException {
        Connection connection = Connections.open(options, "source");
        try {
            Channel channel = queueChannel(options, connection);
            channel.basicQos(options.prefetch());
            ConsumerSession session = new ConsumerSession(options, listener, pause, connection, channel);
            session.consumerTag = channel.basicConsume(options.queue(), options.autoAck(), options.consumerTag(),
                    session.new Deliveries(channel));
            return session;
        } catch (IOException | RuntimeException e) {
            Connections.closeQuietly(connection);
            throw new IOException(Connections.where(options) + ": cannot consume from queue '" + options.queue()
                    + "': " + reason(e), e);
        }
    }

    /** A channel on which the queue exists: checked passively, declared when missing and allowed to. */
    private static Channel queueChannel(RabbitOptions options, Connection connection) throws IOException {
        Channel channel = connection.createChannel();
        try {
            channel.queueDeclarePassive(options.queue());
            return channel;
        } catch (IOException e) {
            if (!notFound(e)) {
                throw e;
            }
            if (!options.declareQueue()) {
                throw new IOException("queue '" + options.queue() + "' does not exist (" + RabbitOptions.DECLARE_QUEUE
                        + " is false)", e);
            }
        }
        // a failed passive declare closes the channel
        Channel fresh = connection.createChannel();
        fresh.queueDeclare(options.queue(), options.queueDurable(), false, false, null);
        LOG.log(Level.INFO, options.owner() + ": declared rabbitmq queue '" + options.queue() + "' (durable: "
                + options.queueDurable() + ")");
        return fresh;
    }

    private static boolean notFound(IOException e) {
        return e.getCause() instanceof ShutdownSignalException s && s.getReason() instanceof AMQP.Channel.Close close
                && close.getReplyCode() == AMQP.NOT_FOUND;
    }

    private static String reason(Exception e) {
        if (e.getCause() instanceof ShutdownSignalException s) {
            return s.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * Stops consuming; waits for a delivery in progress, gives the app {@code rabbitmq.stop.timeout.ms} to
     * process what it got (then acks it), and closes the connection: the rest goes back to the queue.
     */
    void stop() {
        stopping = true;
        try {
            if (channel.isOpen() && consumerTag != null) {
                channel.basicCancel(consumerTag);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, options.owner() + ": basic.cancel failed: " + e);
        }
        boolean locked = false;
        try {
            locked = delivering.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!options.autoAck()) {
                acks.drain(options.stopTimeoutMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Connections.closeQuietly(connection);
            if (locked) {
                delivering.unlock();
            }
        }
    }

    boolean stopping() {
        return stopping;
    }

    private void lost(String why) {
        if (stopping) {
            return;
        }
        stopping = true;
        listener.onConnectionLost(new IOException(Connections.where(options) + ", queue '" + options.queue() + "': "
                + why));
    }

    /** The client's consumer callbacks, on its consumer thread (one at a time for this channel). */
    private final class Deliveries extends DefaultConsumer {
        Deliveries(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            delivering.lock();
            try {
                if (stopping || refused || !pause.awaitResumed(ConsumerSession.this::stopping)) {
                    return; // not acked: the broker delivers it again
                }
                Object payload = binary ? body : new String(body, StandardCharsets.UTF_8);
                String location = options.queue() + "@" + envelope.getDeliveryTag()
                        + (envelope.isRedeliver() ? " (redelivered)" : "");
                listener.onPayload(payload, Map.of(SourceListener.LOCATION, location));
                if (!options.autoAck()) {
                    acks.delivered(envelope.getDeliveryTag());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // error.strategy = fail: the app failed; nothing more is taken (or acked) from this connection
                refused = true;
                LOG.log(Level.ERROR, options.owner() + ": the app refused a rabbitmq message; it and the ones after "
                        + "it stay unacked and go back to queue '" + options.queue() + "'", e);
            } finally {
                delivering.unlock();
            }
        }

        @Override
        public void handleCancel(String tag) {
            lost("the broker cancelled the consumer (queue deleted?)");
        }

        @Override
        public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
            if (!signal.isInitiatedByApplication()) {
                lost((signal.isHardError() ? "connection" : "channel") + " closed: " + signal.getMessage());
            }
        }
    }
}
