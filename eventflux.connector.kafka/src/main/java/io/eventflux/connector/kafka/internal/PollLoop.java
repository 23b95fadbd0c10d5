package io.eventflux.connector.kafka.internal;

import io.eventflux.api.io.SourceListener;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The poll thread of one source; the only thread that touches the consumer (which is not thread-safe).
 *
 * <p>Records go to the app with the non-blocking {@link SourceListener#offer}; when the app cannot take one,
 * the partitions are paused and the undelivered records kept and offered again, while the loop goes on
 * polling (paused partitions return nothing), so the group does not evict a slow consumer after
 * {@code max.poll.interval.ms}. Offsets are committed only once {@link SourceListener#processed()} has
 * completed for the records delivered before it: a crash before that re-delivers them (at-least-once).
 */
final class PollLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(PollLoop.class.getName());
    /** How often undelivered records are offered again while the app pushes back. */
    private static final Duration RETRY = Duration.ofMillis(10);
    /** A revoked partition waits this long for the app to process what it got, then goes uncommitted. */
    private static final long REVOKE_WAIT_MILLIS = 30_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaOptions options;
    private final Consumer<byte[], byte[]> consumer;
    private final SourceListener listener;
    private final Positions positions;
    private final Duration pollTimeout;
    private final boolean binary;
    private final long stopWaitMillis;

    private volatile boolean running = true;
    private volatile boolean enginePaused;
    /** Polled, not yet taken by the app, in partition order. */
    private final ArrayDeque<ConsumerRecord<byte[], byte[]>> pending = new ArrayDeque<>();
    /** Next offset per partition handed to the app, and the last one committed. */
    private final Map<TopicPartition, Long> delivered = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    /** Set by a processed() completion (any thread): the positions that are now safe to commit. */
    private final AtomicReference<Map<TopicPartition, Long>> processedUpTo = new AtomicReference<>();
    private boolean awaitingProcessed;
    /** Offsets are committed with the app's snapshots ({@link #commitSnapshot}), not after processing. */
    private final boolean atSnapshots;
    /** Set by {@link #commitSnapshot} (the writer): the offsets of the last saved snapshot, to commit. */
    private final AtomicReference<Map<String, Long>> snapshotOffsets = new AtomicReference<>();

    PollLoop(KafkaOptions options, Consumer<byte[], byte[]> consumer, SourceListener listener, Positions positions,
            boolean atSnapshots) {
        this.atSnapshots = atSnapshots;
        this.options = options;
        this.consumer = consumer;
        this.listener = listener;
        this.positions = positions;
        this.pollTimeout = Duration.ofMillis(options.pollTimeoutMillis());
        this.binary = options.binary();
        this.stopWaitMillis = options.stopTimeoutMillis();
    }

    /** Any thread: commits these positions ({@code topic-partition} to next offset) on the poll thread. */
    void commitSnapshot(Map<String, Long> positions) {
        snapshotOffsets.set(positions);
    }

    void pause(boolean paused) {
        enginePaused = paused;
    }

    /** Asks the loop to end; it commits what is processed and closes the consumer on its own thread. */
    void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(options.topics(), new Rebalance());
            while (running) {
                step();
            }
        } catch (WakeupException e) {
            // stop()
        } catch (ListenerException e) {
            LOG.log(Level.ERROR, "stream " + options.stream() + ": the app refused a kafka record; the source stops "
                    + "without committing it", e.getCause());
        } catch (KafkaException e) {
            if (running) {
                listener.onConnectionLost(e);
            }
        } finally {
            running = false;
            close();
        }
    }

    private void step() {
        boolean hold = enginePaused || !pending.isEmpty();
        if (hold) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(hold ? RETRY : pollTimeout)) {
            pending.add(r);
        }
        if (!enginePaused) {
            deliver();
        }
        if (atSnapshots) {
            commitSnapshotOffsets(false);
        } else {
            commitProcessed();
            requestProcessed();
        }
    }

    /** Commits the offsets of the last saved snapshot, of partitions still assigned. */
    private void commitSnapshotOffsets(boolean sync) {
        Map<String, Long> positions = snapshotOffsets.getAndSet(null);
        if (positions == null) {
            return;
        }
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((k, next) -> {
            TopicPartition tp = Positions.partition(k);
            if (assigned.contains(tp) && !next.equals(committed.get(tp))) {
                offsets.put(tp, new OffsetAndMetadata(next));
            }
        });
        if (offsets.isEmpty()) {
            return;
        }
        offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
        if (sync) {
            consumer.commitSync(offsets, CLOSE_TIMEOUT);
            return;
        }
        consumer.commitAsync(offsets, (done, e) -> {
            if (e != null) {
                LOG.log(Level.WARNING, "stream " + options.stream() + ": committing the kafka offsets of a snapshot "
                        + done + " failed (" + e + "); the next snapshot's commit covers them");
                offsets.forEach((tp, o) -> committed.remove(tp, o.offset()));
            }
        });
    }

    private void deliver() {
        while (!pending.isEmpty() && !enginePaused) {
            ConsumerRecord<byte[], byte[]> r = pending.peek();
            if (r.value() != null) {
                Object payload = binary ? r.value() : new String(r.value(), StandardCharsets.UTF_8);
                Map<String, String> headers = Map.of(SourceListener.LOCATION,
                        Positions.key(r.topic(), r.partition()) + "@" + r.offset());
                boolean taken;
                try {
                    taken = listener.offer(payload, headers);
                } catch (RuntimeException e) {
                    throw new ListenerException(e);
                }
                if (!taken) {
                    return;
                }
            } // a tombstone (null value) carries no event: skipped, and its offset counts as delivered
            pending.poll();
            delivered.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
            positions.delivered(Positions.key(r.topic(), r.partition()), r.offset() + 1);
        }
    }

    /** Asks the app to report when it has processed what it got, unless a request is already out. */
    private void requestProcessed() {
        if (awaitingProcessed || delivered.equals(committed)) {
            return;
        }
        awaitingProcessed = true;
        Map<TopicPartition, Long> upTo = new HashMap<>(delivered);
        listener.processed().whenComplete((v, e) -> processedUpTo.set(e == null ? upTo : Map.of()));
    }

    private void commitProcessed() {
        Map<TopicPartition, Long> upTo = processedUpTo.getAndSet(null);
        if (upTo == null) {
            return;
        }
        awaitingProcessed = false;
        Map<TopicPartition, OffsetAndMetadata> offsets = newOffsets(upTo);
        if (offsets.isEmpty()) {
            return;
        }
        offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
        consumer.commitAsync(offsets, (done, e) -> {
            if (e != null) {
                LOG.log(Level.WARNING, "stream " + options.stream() + ": committing kafka offsets " + done + " failed ("
                        + e + "); a later commit covers them, or the records are delivered again");
                // asked again on the next step unless something newer was committed meanwhile
                offsets.forEach((tp, o) -> committed.remove(tp, o.offset()));
            }
        });
    }

    /** The offsets of {@code upTo} that are of partitions still assigned and ahead of the last commit. */
    private Map<TopicPartition, OffsetAndMetadata> newOffsets(Map<TopicPartition, Long> upTo) {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        upTo.forEach((tp, next) -> {
            if (assigned.contains(tp) && delivered.containsKey(tp) && !next.equals(committed.get(tp))) {
                offsets.put(tp, new OffsetAndMetadata(next));
            }
        });
        return offsets;
    }

    private void close() {
        try {
            if (atSnapshots) {
                commitSnapshotOnStop();
            } else {
                awaitProcessedOnStop();
            }
            // what the app has processed; the rest is delivered again to the next consumer
            commitSyncProcessed();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stream " + options.stream() + ": committing kafka offsets on stop failed: " + e);
        }
        try {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stream " + options.stream() + ": closing the kafka consumer failed: " + e);
        }
    }

    /** The offsets of a snapshot saved since the last step (the restored positions cover the rest). */
    private void commitSnapshotOnStop() {
        try {
            commitSnapshotOffsets(true);
        } catch (WakeupException e) {
            // the wake-up of stop() was still pending: it is consumed now
            commitSnapshotOffsets(true);
        }
    }

    /**
     * The engine stops sources before its writer drains, and the writer goes on processing meanwhile: a
     * short wait for what was delivered spares the next consumer many duplicates on a clean stop.
     */
    private void awaitProcessedOnStop() {
        if (stopWaitMillis <= 0 || delivered.equals(committed)) {
            return;
        }
        Map<TopicPartition, Long> upTo = new HashMap<>(delivered);
        try {
            listener.processed().toCompletableFuture().get(stopWaitMillis, TimeUnit.MILLISECONDS);
            processedUpTo.set(upTo);
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(Level.DEBUG, "stream " + options.stream() + ": records not processed on stop are delivered again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commitSyncProcessed() {
        Map<TopicPartition, Long> upTo = processedUpTo.getAndSet(null);
        if (upTo == null) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = newOffsets(upTo);
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, CLOSE_TIMEOUT);
        } catch (WakeupException e) {
            // the wake-up of stop() was still pending: it is consumed now
            consumer.commitSync(offsets, CLOSE_TIMEOUT);
        }
        offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
    }

    /** Commits what the app processed of partitions that leave, before another consumer reads them. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            pending.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
            try {
                if (atSnapshots) {
                    // what is past the last saved snapshot is not committed: the next owner reads it again
                    commitSnapshotOffsets(true);
                    return;
                }
                commitRevoked(partitions);
            } finally {
                forget(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            pending.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                Long restored = positions.takeRestored(Positions.key(tp.topic(), tp.partition()));
                if (restored != null) {
                    consumer.seek(tp, restored);
                }
            }
        }

        private void commitRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : partitions) {
                Long next = delivered.get(tp);
                if (next != null && !next.equals(committed.get(tp))) {
                    offsets.put(tp, new OffsetAndMetadata(next));
                }
            }
            if (offsets.isEmpty()) {
                return;
            }
            if (!running) {
                // stopping: only what is known processed; waiting could hold up an app that is shutting down
                commitSyncProcessed();
                return;
            }
            try {
                listener.processed().toCompletableFuture().get(REVOKE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                consumer.commitSync(offsets);
                offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
            } catch (TimeoutException | ExecutionException e) {
                LOG.log(Level.WARNING, "stream " + options.stream() + ": the app did not process the records of "
                        + "revoked kafka partitions " + partitions + " in time; they are delivered again (" + e + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void forget(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                delivered.remove(tp);
                committed.remove(tp);
                positions.forget(Positions.key(tp.topic(), tp.partition()));
            }
        }
    }

    /** The listener threw (error strategy {@code fail}): not a connection problem, so no reconnect. */
    private static final class ListenerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerException(RuntimeException cause) {
            super(cause);
        }
    }
}
