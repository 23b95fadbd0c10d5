package io.eventflux.connector.rabbitmq.internal;

import io.eventflux.api.config.Secrets;
import io.eventflux.api.io.ConnectorSpec;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code rabbitmq.*} WITH keys of one stream (the Rust engine's keys, plus a few of ours), validated
 * when the stream is created. It refers to no amqp-client type, so the factories validate options without
 * loading the client.
 */
final class RabbitOptions {
    static final String PREFIX = "rabbitmq.";
    static final String HOST = "rabbitmq.host";
    static final String PORT = "rabbitmq.port";
    static final String VHOST = "rabbitmq.vhost";
    static final String USERNAME = "rabbitmq.username";
    static final String PASSWORD = "rabbitmq.password";
    static final String HEARTBEAT = "rabbitmq.heartbeat";
    static final String CONNECTION_TIMEOUT = "rabbitmq.connection.timeout.ms";
    static final String QUEUE = "rabbitmq.queue";
    static final String PREFETCH = "rabbitmq.prefetch";
    static final String DECLARE_QUEUE = "rabbitmq.declare.queue";
    static final String QUEUE_DURABLE = "rabbitmq.queue.durable";
    static final String CONSUMER_TAG = "rabbitmq.consumer.tag";
    static final String AUTO_ACK = "rabbitmq.auto.ack";
    static final String STOP_TIMEOUT = "rabbitmq.stop.timeout.ms";
    static final String EXCHANGE = "rabbitmq.exchange";
    static final String ROUTING_KEY = "rabbitmq.routing.key";
    static final String ROUTING_KEY_ATTRIBUTE = "rabbitmq.routing.key.attribute";
    static final String PERSISTENT = "rabbitmq.persistent";
    static final String CONTENT_TYPE = "rabbitmq.content.type";
    static final String DECLARE_EXCHANGE = "rabbitmq.declare.exchange";
    static final String EXCHANGE_TYPE = "rabbitmq.exchange.type";
    static final String MANDATORY = "rabbitmq.mandatory";
    static final String CONFIRM_TIMEOUT = "rabbitmq.confirm.timeout.ms";

    private static final Set<String> EXCHANGE_TYPES = Set.of("direct", "fanout", "topic", "headers");

    private final ConnectorSpec spec;
    private final String host;
    private final int port;
    private final int heartbeatSeconds;
    private final int connectionTimeoutMillis;

    private RabbitOptions(ConnectorSpec spec) {
        this.spec = spec;
        this.host = spec.require(HOST).trim();
        this.port = (int) range(PORT, 5672, 1, 65535);
        this.heartbeatSeconds = (int) range(HEARTBEAT, 60, 0, 65535);
        this.connectionTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, positiveMillis(CONNECTION_TIMEOUT, 10_000));
    }

    /** A source's options: {@code rabbitmq.queue} is required. */
    static RabbitOptions source(ConnectorSpec spec) {
        RabbitOptions o = new RabbitOptions(spec);
        spec.require(QUEUE);
        o.range(PREFETCH, 10, 1, 65535);
        spec.booleanOption(DECLARE_QUEUE, true);
        spec.booleanOption(QUEUE_DURABLE, true);
        spec.booleanOption(AUTO_ACK, false);
        o.nonNegativeMillis(STOP_TIMEOUT, 5000);
        return o;
    }

    /** A sink's options: {@code rabbitmq.exchange} is required ('' is the default exchange). */
    static RabbitOptions sink(ConnectorSpec spec) {
        RabbitOptions o = new RabbitOptions(spec);
        if (!spec.options().containsKey(EXCHANGE)) {
            throw new IllegalArgumentException(o.owner() + ": option '" + EXCHANGE + "' is required ('' is the "
                    + "default exchange, which routes by queue name)");
        }
        String attribute = spec.option(ROUTING_KEY_ATTRIBUTE, null);
        if (attribute != null && spec.stream().indexOf(attribute.trim()) < 0) {
            throw o.invalid(ROUTING_KEY_ATTRIBUTE, attribute, "an attribute of the stream " + spec.stream().names());
        }
        if (attribute != null && spec.options().containsKey(ROUTING_KEY)) {
            throw new IllegalArgumentException(o.owner() + ": options '" + ROUTING_KEY + "' and '"
                    + ROUTING_KEY_ATTRIBUTE + "' exclude each other");
        }
        String type = o.exchangeType();
        if (!EXCHANGE_TYPES.contains(type)) {
            throw o.invalid(EXCHANGE_TYPE, type, "one of direct, fanout, topic, headers");
        }
        if (spec.booleanOption(DECLARE_EXCHANGE, false) && o.exchange().isEmpty()) {
            throw o.invalid(DECLARE_EXCHANGE, "true", "false for the default exchange ''");
        }
        spec.booleanOption(PERSISTENT, true);
        spec.booleanOption(MANDATORY, true);
        o.positiveMillis(CONFIRM_TIMEOUT, 30_000);
        return o;
    }

    private long range(String key, long fallback, long min, long max) {
        long v = spec.longOption(key, fallback);
        if (v < min || v > max) {
            throw invalid(key, String.valueOf(v), "between " + min + " and " + max);
        }
        return v;
    }

    private long positiveMillis(String key, long fallback) {
        long v = spec.durationMillis(key, fallback);
        if (v <= 0) {
            throw invalid(key, spec.option(key, ""), "a positive duration");
        }
        return v;
    }

    private long nonNegativeMillis(String key, long fallback) {
        long v = spec.durationMillis(key, fallback);
        if (v < 0) {
            throw invalid(key, spec.option(key, ""), "a duration of 0 or more");
        }
        return v;
    }

    IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(owner() + ": option '" + key + "' must be " + expected + ", was '"
                + Secrets.redact(key, value) + "'");
    }

    String owner() {
        return "stream " + spec.stream().name();
    }

    String app() {
        return spec.app();
    }

    String stream() {
        return spec.stream().name();
    }

    /** The name the broker shows for the connection (management UI, rabbitmqctl list_connections). */
    String connectionName(String role) {
        return "eventflux-" + spec.app() + "-" + spec.stream().name() + "-" + role;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String vhost() {
        return spec.option(VHOST, "/");
    }

    String username() {
        return spec.option(USERNAME, "guest");
    }

    String password() {
        return spec.option(PASSWORD, "guest");
    }

    int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    int connectionTimeoutMillis() {
        return connectionTimeoutMillis;
    }

    String queue() {
        return spec.option(QUEUE, "").trim();
    }

    int prefetch() {
        return (int) spec.longOption(PREFETCH, 10);
    }

    boolean declareQueue() {
        return spec.booleanOption(DECLARE_QUEUE, true);
    }

    boolean queueDurable() {
        return spec.booleanOption(QUEUE_DURABLE, true);
    }

    String consumerTag() {
        return spec.option(CONSUMER_TAG, "");
    }

    boolean autoAck() {
        return spec.booleanOption(AUTO_ACK, false);
    }

    long stopTimeoutMillis() {
        return spec.durationMillis(STOP_TIMEOUT, 5000);
    }

    String exchange() {
        return spec.option(EXCHANGE, "").trim();
    }

    String routingKey() {
        return spec.option(ROUTING_KEY, "");
    }

    /** The attribute index named by {@code rabbitmq.routing.key.attribute}, or -1 for the fixed routing key. */
    int routingKeyAttribute() {
        String attribute = spec.option(ROUTING_KEY_ATTRIBUTE, null);
        return attribute == null ? -1 : spec.stream().indexOf(attribute.trim());
    }

    boolean persistent() {
        return spec.booleanOption(PERSISTENT, true);
    }

    String contentType() {
        return spec.option(CONTENT_TYPE, null);
    }

    boolean declareExchange() {
        return spec.booleanOption(DECLARE_EXCHANGE, false);
    }

    String exchangeType() {
        return spec.option(EXCHANGE_TYPE, "direct").trim().toLowerCase(java.util.Locale.ROOT);
    }

    boolean mandatory() {
        return spec.booleanOption(MANDATORY, true);
    }

    long confirmTimeoutMillis() {
        return spec.durationMillis(CONFIRM_TIMEOUT, 30_000);
    }

    /** Whether payloads stay byte[] ({@code format = 'bytes'}) rather than UTF-8 strings. */
    boolean binary() {
        return spec.option("format", "").trim().equalsIgnoreCase("bytes");
    }

    /** For messages: the rabbitmq.* options with secrets redacted. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(spec.withPrefix(PREFIX));
        return "rabbitmq " + Secrets.redact(shown);
    }
}
