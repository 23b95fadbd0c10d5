package io.eventflux.connector.kafka.internal;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source's positions per partition ({@code "topic-partition"} to the next offset to read): the ones
 * delivered to the app, written by the poll thread and read by snapshots on the app's thread, and the
 * ones restored from a snapshot, waiting for their partition to be assigned.
 */
final class Positions {
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final Map<String, Long> restored = new ConcurrentHashMap<>();

    static String key(String topic, int partition) {
        return topic + "-" + partition;
    }

    void delivered(String partition, long next) {
        delivered.put(partition, next);
    }

    /** The partition went to another consumer: its position is the group's committed offset now. */
    void forget(String partition) {
        delivered.remove(partition);
    }

    /** The restored position of a partition just assigned, once (later assignments use committed offsets). */
    Long takeRestored(String partition) {
        return restored.remove(partition);
    }

    /** The positions of the last {@link #snapshot()}, for the offsets committed with it. */
    private volatile Map<String, Long> lastSnapshot = Map.of();

    /** A copy for a snapshot: positions restored but not assigned yet are kept. */
    HashMap<String, Long> snapshot() {
        HashMap<String, Long> out = new HashMap<>(restored);
        out.putAll(delivered);
        lastSnapshot = Map.copyOf(out);
        return out;
    }

    /** The positions of the last snapshot taken (empty before the first). */
    Map<String, Long> lastSnapshot() {
        return lastSnapshot;
    }

    /** The topic and partition of a key made by {@link #key}. */
    static org.apache.kafka.common.TopicPartition partition(String key) {
        int dash = key.lastIndexOf('-');
        return new org.apache.kafka.common.TopicPartition(key.substring(0, dash),
                Integer.parseInt(key.substring(dash + 1)));
    }

    void restore(Serializable state) {
        restored.clear();
        delivered.clear();
        if (state instanceof Map<?, ?> map) {
            map.forEach((k, v) -> restored.put((String) k, ((Number) v).longValue()));
        }
    }
}
