package io.eventflux.connector.kafka.internal;

import io.eventflux.api.config.Secrets;
import io.eventflux.api.io.ConnectorSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code kafka.*} WITH keys of one stream, validated, as Kafka client properties. It refers to no
 * Kafka type, so the factories validate options without loading kafka-clients.
 */
final class KafkaOptions {
    static final String PREFIX = "kafka.";
    static final String TOPIC = "kafka.topic";
    static final String KEY = "kafka.key";
    static final String BOOTSTRAP = "kafka.bootstrap.servers";
    static final String GROUP = "kafka.group.id";
    static final String POLL_TIMEOUT = "kafka.poll.timeout.ms";
    static final String STOP_TIMEOUT = "kafka.stop.timeout.ms";
    static final String FORMAT = "format";
    static final String TRANSACTIONAL_ID = "transactional.id";

    /** Ours, not the client's: never passed through. */
    private static final Set<String> OWN = Set.of("topic", "key", "poll.timeout.ms", "stop.timeout.ms");
    /** Set by the connector (payloads are bytes and the connector decodes them): a user value would break it. */
    private static final Set<String> FIXED = Set.of("key.serializer", "value.serializer", "key.deserializer",
            "value.deserializer");

    private final ConnectorSpec spec;
    private final Map<String, Object> client;
    private final List<String> topics;

    private KafkaOptions(ConnectorSpec spec, Map<String, Object> client, List<String> topics) {
        this.spec = spec;
        this.client = client;
        this.topics = topics;
    }

    /** The options of a source: {@code kafka.group.id} defaults to {@code eventflux-<app>-<stream>}. */
    static KafkaOptions source(ConnectorSpec spec) {
        KafkaOptions o = common(spec, "source");
        o.client.putIfAbsent("group.id", "eventflux-" + spec.app() + "-" + spec.stream().name());
        String autoCommit = (String) o.client.get("enable.auto.commit");
        if (autoCommit != null && !autoCommit.trim().equalsIgnoreCase("false")) {
            throw o.invalid("kafka.enable.auto.commit", autoCommit,
                    "the source commits offsets itself once the app has processed the records (at-least-once); "
                            + "remove the option");
        }
        o.client.put("enable.auto.commit", "false");
        String reset = (String) o.client.get("auto.offset.reset");
        if (reset != null && !Set.of("earliest", "latest", "none").contains(reset.trim())) {
            throw o.invalid("kafka.auto.offset.reset", reset, "one of earliest, latest, none");
        }
        o.spec.durationMillis(POLL_TIMEOUT, 100);
        o.spec.durationMillis(STOP_TIMEOUT, 5000);
        return o;
    }

    /** The options of a sink: {@code acks=all} and idempotence unless set. */
    static KafkaOptions sink(ConnectorSpec spec) {
        KafkaOptions o = common(spec, "sink");
        if (o.topics.size() != 1) {
            throw o.invalid(TOPIC, spec.option(TOPIC, ""), "one topic name");
        }
        o.client.putIfAbsent("acks", "all");
        o.client.putIfAbsent("enable.idempotence", "true");
        if (o.client.containsKey(TRANSACTIONAL_ID)) {
            String id = String.valueOf(o.client.get(TRANSACTIONAL_ID)).trim();
            if (id.isEmpty()) {
                throw o.invalid(PREFIX + TRANSACTIONAL_ID, id, "a transactional id unique to this sink (one per "
                        + "running copy of the app); remove the option for an at-least-once sink");
            }
            o.client.put(TRANSACTIONAL_ID, id);
            if (!String.valueOf(o.client.get("acks")).trim().equalsIgnoreCase("all")
                    && !String.valueOf(o.client.get("acks")).trim().equals("-1")) {
                throw o.invalid("kafka.acks", String.valueOf(o.client.get("acks")), "all with kafka.transactional.id");
            }
            if (!String.valueOf(o.client.get("enable.idempotence")).trim().equalsIgnoreCase("true")) {
                throw o.invalid("kafka.enable.idempotence", String.valueOf(o.client.get("enable.idempotence")),
                        "true with kafka.transactional.id");
            }
            if (spec.booleanOption("async.enabled", false)) {
                throw o.invalid("async.enabled", "true", "false with kafka.transactional.id: the transaction is "
                        + "committed with each snapshot, on the app's writer");
            }
        }
        return o;
    }

    private static KafkaOptions common(ConnectorSpec spec, String role) {
        Map<String, Object> client = new HashMap<>();
        spec.withPrefix(PREFIX).forEach((k, v) -> {
            if (!OWN.contains(k)) {
                client.put(k, v);
            }
        });
        KafkaOptions o = new KafkaOptions(spec, client, topics(spec));
        spec.require(BOOTSTRAP);
        for (String k : FIXED) {
            if (client.containsKey(k)) {
                throw o.invalid(PREFIX + k, String.valueOf(client.get(k)), "nothing: the kafka " + role
                        + " sends and receives bytes and the stream's format maps them; remove the option");
            }
        }
        return o;
    }

    private static List<String> topics(ConnectorSpec spec) {
        List<String> topics = new ArrayList<>();
        for (String t : spec.require(TOPIC).split(",")) {
            String name = t.trim();
            if (name.isEmpty() || !name.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + TOPIC
                        + "' must be topic names separated by commas (letters, digits, '.', '_', '-'), was '"
                        + spec.option(TOPIC, "") + "'");
            }
            topics.add(name);
        }
        return List.copyOf(topics);
    }

    IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + key + "' must be "
                + expected + ", was '" + Secrets.redact(key, value) + "'");
    }

    /** Kafka client properties: every {@code kafka.<property>} with the prefix removed, plus ours. */
    Map<String, Object> client() {
        return new HashMap<>(client);
    }

    /** The sink's {@code kafka.transactional.id}, or null: not transactional. */
    String transactionalId() {
        return (String) client.get(TRANSACTIONAL_ID);
    }

    List<String> topics() {
        return topics;
    }

    String stream() {
        return spec.stream().name();
    }

    String app() {
        return spec.app();
    }

    /** Whether payloads stay byte[] ({@code format = 'bytes'}) rather than UTF-8 strings. */
    boolean binary() {
        return spec.option(FORMAT, "").trim().equalsIgnoreCase("bytes");
    }

    /** The attribute index named by {@code kafka.key}, -1 for a literal key, -2 for no key. */
    int keyAttribute() {
        String key = spec.option(KEY, null);
        return key == null || key.isBlank() ? -2 : spec.stream().indexOf(key.trim());
    }

    String keyOption() {
        return spec.option(KEY, null);
    }

    /** How long a stopping source waits for the app to process what it delivered, to commit it. */
    long stopTimeoutMillis() {
        return spec.durationMillis(STOP_TIMEOUT, 5000);
    }

    long pollTimeoutMillis() {
        return spec.durationMillis(POLL_TIMEOUT, 100);
    }

    /** For messages: the client properties with secrets redacted. */
    @Override
    public String toString() {
        Map<String, String> shown = new java.util.TreeMap<>();
        client.forEach((k, v) -> shown.put(k, String.valueOf(v)));
        return "kafka " + topics + " " + Secrets.redact(shown);
    }
}
