package io.eventflux.connector.rabbitmq.internal;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Opens AMQP connections for one stream. Automatic recovery is off: a source that loses its connection
 * reports it and the engine restarts it with the stream's backoff ({@code error.retry.*}); a sink opens a
 * new connection on its next publish, which the stream's error strategy retries. Either way every
 * unacknowledged or unconfirmed message is delivered or published again (at-least-once).
 */
final class Connections {
    private Connections() {
    }

    static Connection open(RabbitOptions options, String role) throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(options.host());
        factory.setPort(options.port());
        factory.setVirtualHost(options.vhost());
        factory.setUsername(options.username());
        factory.setPassword(options.password());
        factory.setRequestedHeartbeat(options.heartbeatSeconds());
        factory.setConnectionTimeout(options.connectionTimeoutMillis());
        factory.setHandshakeTimeout(options.connectionTimeoutMillis());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        try {
            return factory.newConnection(options.connectionName(role));
        } catch (TimeoutException e) {
            throw new IOException(where(options) + ": connection timed out after " + options.connectionTimeoutMillis()
                    + " ms", e);
        } catch (IOException e) {
            // the client's message names host and port at most; never the password
            throw new IOException(where(options) + ": cannot connect: " + e, e);
        }
    }

    /** "stream S: rabbitmq amqp://guest@localhost:5672" and the vhost unless "/" (never the password). */
    static String where(RabbitOptions options) {
        return options.owner() + ": rabbitmq amqp://" + options.username() + "@" + options.host() + ":"
                + options.port() + (options.vhost().equals("/") ? "" : " (vhost '" + options.vhost() + "')");
    }

    static void closeQuietly(Connection connection) {
        if (connection != null && connection.isOpen()) {
            try {
                connection.close(5_000);
            } catch (IOException | RuntimeException e) {
                connection.abort(1_000);
            }
        }
    }
}
