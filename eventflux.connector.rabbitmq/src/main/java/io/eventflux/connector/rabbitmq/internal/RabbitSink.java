package io.eventflux.connector.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes to an exchange on a channel in confirm mode. {@link #publish} sends at once (persistent
 * messages by default, {@code mandatory} so that a message no queue takes comes back instead of vanishing);
 * {@link #flush} waits for the broker's confirms and fails, so that the engine hands every event since
 * the previous flush to the stream's error strategy, when any was nacked, returned as unroutable, not
 * confirmed within {@code rabbitmq.confirm.timeout.ms}, or published on a connection that was lost. A
 * lost connection is opened again by the next publish (the error strategy's retry, with its backoff).
 */
final class RabbitSink implements Sink {
    private final RabbitOptions options;
    private final int keyAttribute;
    private final String fixedKey;
    private final AMQP.BasicProperties properties;
    private final AtomicInteger returned = new AtomicInteger();
    private final AtomicReference<String> firstReturn = new AtomicReference<>();
    private Connection connection;
    private Channel channel;
    /** Published on the current channel since the last flush. */
    private int published;
    /** Published since the last flush on a channel that is gone: never confirmed. */
    private int lost;

    RabbitSink(RabbitOptions options) {
        this.options = options;
        this.keyAttribute = options.routingKeyAttribute();
        this.fixedKey = options.routingKey();
        this.properties = new AMQP.BasicProperties.Builder()
                .deliveryMode(options.persistent() ? 2 : 1)
                .contentType(options.contentType())
                .build();
    }

    @Override
    public synchronized void start() throws IOException {
        if (channel == null) {
            open();
        }
    }

    private void open() throws IOException {
        Connection c = Connections.open(options, "sink");
        try {
            Channel ch = c.createChannel();
            if (options.declareExchange()) {
                ch.exchangeDeclare(options.exchange(), options.exchangeType(), true);
            }
            ch.confirmSelect();
            ch.addReturnListener(r -> {
                returned.incrementAndGet();
                firstReturn.compareAndSet(null, r.getReplyCode() + " " + r.getReplyText() + " (routing key '"
                        + r.getRoutingKey() + "')");
            });
            connection = c;
            channel = ch;
        } catch (IOException | RuntimeException e) {
            Connections.closeQuietly(c);
            throw new IOException(Connections.where(options) + ": cannot publish to exchange '" + options.exchange()
                    + "': " + (e.getCause() instanceof ShutdownSignalException s ? s.getMessage() : e), e);
        }
    }

    @Override
    public synchronized void publish(Object payload, Event event) throws IOException {
        if (channel == null || !channel.isOpen()) {
            reset();
            open();
        }
        byte[] body = payload instanceof byte[] b ? b : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
        try {
            channel.basicPublish(options.exchange(), routingKey(event), options.mandatory(), properties, body);
            published++;
        } catch (IOException | RuntimeException e) {
            reset();
            throw new IOException(Connections.where(options) + ": publish to exchange '" + options.exchange()
                    + "' failed: " + e, e);
        }
    }

    private String routingKey(Event event) throws IOException {
        if (keyAttribute < 0) {
            return fixedKey;
        }
        Object value = event.get(keyAttribute);
        if (value == null) {
            throw new IOException(options.owner() + ": the routing key attribute ('"
                    + RabbitOptions.ROUTING_KEY_ATTRIBUTE + "') is null");
        }
        return String.valueOf(value);
    }

    @Override
    public synchronized void flush() throws IOException {
        if (published == 0 && lost == 0) {
            return;
        }
        int attempted = published + lost;
        String failure = null;
        if (lost > 0) {
            failure = lost + " published before the connection was lost were not confirmed";
        } else {
            try {
                if (!channel.waitForConfirms(options.confirmTimeoutMillis())) {
                    failure = "the broker nacked some";
                }
            } catch (TimeoutException e) {
                failure = "not all confirmed within " + options.confirmTimeoutMillis() + " ms ("
                        + RabbitOptions.CONFIRM_TIMEOUT + ")";
                reset(); // late confirms must not count for the next batch
            } catch (ShutdownSignalException e) {
                failure = "the connection was lost before they were confirmed: " + e.getMessage();
                reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted while waiting for confirms";
                reset();
            }
        }
        int unroutable = returned.getAndSet(0);
        String returnedReason = firstReturn.getAndSet(null);
        if (failure == null && unroutable > 0) {
            failure = unroutable + " returned as unroutable (" + RabbitOptions.MANDATORY + "): " + returnedReason;
        }
        published = 0;
        lost = 0;
        if (failure != null) {
            throw new IOException(Connections.where(options) + ": of " + attempted + " messages to exchange '"
                    + options.exchange() + "', " + failure);
        }
    }

    /** Drops the connection; what was published on it since the last flush counts as lost. */
    private void reset() {
        lost += published;
        published = 0;
        Connection c = connection;
        connection = null;
        channel = null;
        if (c != null) {
            c.abort(1_000);
        }
    }

    @Override
    public synchronized void stop() {
        Connection c = connection;
        connection = null;
        channel = null;
        Connections.closeQuietly(c);
    }

    @Override
    public String toString() {
        return "rabbitmq sink " + options;
    }
}
