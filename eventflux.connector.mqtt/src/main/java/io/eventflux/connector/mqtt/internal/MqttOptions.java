package io.eventflux.connector.mqtt.internal;

import io.eventflux.api.config.Secrets;
import io.eventflux.api.io.ConnectorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code mqtt.*} WITH keys of one stream, validated when the stream is created. It refers to no Paho
 * type, so the factories validate options without loading the client.
 */
final class MqttOptions {
    static final String PREFIX = "mqtt.";
    static final String URL = "mqtt.url";
    static final String VERSION = "mqtt.version";
    static final String TOPIC = "mqtt.topic";
    static final String QOS = "mqtt.qos";
    static final String RETAIN = "mqtt.retain";
    static final String CLIENT_ID = "mqtt.client.id";
    static final String CLEAN_SESSION = "mqtt.clean.session";
    static final String SESSION_EXPIRY = "mqtt.session.expiry.interval";
    static final String USERNAME = "mqtt.username";
    static final String PASSWORD = "mqtt.password";
    static final String KEEPALIVE = "mqtt.keepalive";
    static final String CONNECTION_TIMEOUT = "mqtt.connection.timeout";
    static final String MAX_INFLIGHT = "mqtt.max.inflight";
    static final String COMPLETION_TIMEOUT = "mqtt.completion.timeout.ms";
    static final String STOP_TIMEOUT = "mqtt.stop.timeout.ms";

    private final ConnectorSpec spec;
    private final boolean source;
    private final int version;
    private final int qos;
    private final List<String> topics;

    private MqttOptions(ConnectorSpec spec, boolean source) {
        this.spec = spec;
        this.source = source;
        String url = url();
        if (!url.matches("(tcp|ssl|ws|wss)://[^\\s/]+(:\\d+)?/?.*")) {
            throw invalid(URL, url, "a broker URL such as tcp://localhost:1883 (tcp, ssl, ws or wss)");
        }
        this.version = parseVersion();
        this.qos = (int) range(QOS, 1, 0, 2);
        this.topics = parseTopics();
        range(KEEPALIVE, 60, 0, 65535);
        range(CONNECTION_TIMEOUT, 30, 0, 3600);
        range(SESSION_EXPIRY, 86_400, 0, 4_294_967_295L);
        String id = clientId();
        if (id.isEmpty() || id.length() > 65535) {
            throw invalid(CLIENT_ID, id, "a non-empty client identifier");
        }
    }

    static MqttOptions source(ConnectorSpec spec) {
        MqttOptions o = new MqttOptions(spec, true);
        spec.booleanOption(CLEAN_SESSION, false);
        long stop = spec.durationMillis(STOP_TIMEOUT, 5000);
        if (stop < 0) {
            throw o.invalid(STOP_TIMEOUT, spec.option(STOP_TIMEOUT, ""), "a duration of 0 or more");
        }
        return o;
    }

    static MqttOptions sink(ConnectorSpec spec) {
        MqttOptions o = new MqttOptions(spec, false);
        if (o.topics.size() != 1 || o.topics.get(0).contains("+") || o.topics.get(0).contains("#")) {
            throw o.invalid(TOPIC, spec.option(TOPIC, ""), "one topic name without wildcards (+, #)");
        }
        spec.booleanOption(RETAIN, false);
        spec.booleanOption(CLEAN_SESSION, true);
        o.range(MAX_INFLIGHT, 1000, 1, 65535);
        if (spec.durationMillis(COMPLETION_TIMEOUT, 30_000) <= 0) {
            throw o.invalid(COMPLETION_TIMEOUT, spec.option(COMPLETION_TIMEOUT, ""), "a positive duration");
        }
        return o;
    }

    private int parseVersion() {
        String v = spec.option(VERSION, "3.1.1").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "3.1.1", "3", "311", "v3" -> 3;
            case "5", "5.0", "v5" -> 5;
            default -> throw invalid(VERSION, v, "3.1.1 or 5");
        };
    }

    private List<String> parseTopics() {
        List<String> out = new ArrayList<>();
        for (String t : spec.require(TOPIC).split(",")) {
            String topic = t.trim();
            if (topic.isEmpty() || !validFilter(topic)) {
                throw invalid(TOPIC, spec.option(TOPIC, ""), "topic filters separated by commas ('+' a whole level, "
                        + "'#' the whole last level)");
            }
            out.add(topic);
        }
        return List.copyOf(out);
    }

    private static boolean validFilter(String filter) {
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return false;
            }
            if (level.contains("+") && !level.equals("+")) {
                return false;
            }
        }
        return true;
    }

    private long range(String key, long fallback, long min, long max) {
        long v = spec.longOption(key, fallback);
        if (v < min || v > max) {
            throw invalid(key, String.valueOf(v), "between " + min + " and " + max);
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

    String url() {
        return spec.option(URL, "tcp://localhost:1883").trim();
    }

    /** 3 (MQTT 3.1.1) or 5. */
    int version() {
        return version;
    }

    List<String> topics() {
        return topics;
    }

    int qos() {
        return qos;
    }

    boolean retain() {
        return spec.booleanOption(RETAIN, false);
    }

    String clientId() {
        return spec.option(CLIENT_ID, "eventflux-" + spec.app() + "-" + spec.stream().name() + (source ? "" : "-sink"));
    }

    /**
     * A source keeps its session (subscriptions and QoS 1/2 messages queued while it is away) unless told
     * otherwise; a sink starts clean.
     */
    boolean cleanSession() {
        return spec.booleanOption(CLEAN_SESSION, !source);
    }

    long sessionExpirySeconds() {
        return spec.longOption(SESSION_EXPIRY, 86_400);
    }

    String username() {
        return spec.option(USERNAME, null);
    }

    String password() {
        return spec.option(PASSWORD, null);
    }

    int keepAliveSeconds() {
        return (int) spec.longOption(KEEPALIVE, 60);
    }

    int connectionTimeoutSeconds() {
        return (int) spec.longOption(CONNECTION_TIMEOUT, 30);
    }

    int maxInflight() {
        return (int) spec.longOption(MAX_INFLIGHT, 1000);
    }

    long completionTimeoutMillis() {
        return spec.durationMillis(COMPLETION_TIMEOUT, 30_000);
    }

    long stopTimeoutMillis() {
        return spec.durationMillis(STOP_TIMEOUT, 5000);
    }

    /** Whether payloads stay byte[] ({@code format = 'bytes'}) rather than UTF-8 strings. */
    boolean binary() {
        return spec.option("format", "").trim().equalsIgnoreCase("bytes");
    }

    /** "stream S: mqtt tcp://host:1883 (client c)", for messages (no credentials). */
    String where() {
        return owner() + ": mqtt " + url() + " (client '" + clientId() + "')";
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(spec.withPrefix(PREFIX));
        return "mqtt " + Secrets.redact(shown);
    }
}
