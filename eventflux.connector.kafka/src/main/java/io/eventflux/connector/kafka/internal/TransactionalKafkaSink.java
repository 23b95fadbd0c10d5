package io.eventflux.connector.kafka.internal;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SnapshotParticipant;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A sink with {@code kafka.transactional.id}: what it sends between two snapshots of the app is one Kafka
 * transaction, committed when the snapshot is saved ({@link #commit}), so a {@code read_committed} reader
 * sees each result once and only results whose state the app can restore.
 *
 * <p>Which snapshot the last committed transaction belongs to is recorded in the same transaction: an
 * offset commit of the group {@code eventflux-txn-<transactional.id>} on partition 0 of the sink's topic,
 * whose metadata is the snapshot revision. On start ({@link #enlist}) the producer fences the previous
 * instance (a transaction it left open is aborted) and reads that record back; the app restores that
 * revision, so its state, its sources' positions and the committed output agree after a crash at any point.
 *
 * <p>{@link #flush()} does not wait: the commit flushes and waits for every send (bounded, see {@link Acks}),
 * then commits (bounded by {@code max.block.ms}). A record that fails dooms the transaction: the next commit aborts it and fails, the
 * app fails, and a restart recomputes from the last committed snapshot.
 */
final class TransactionalKafkaSink implements Sink, SnapshotParticipant {
    private static final System.Logger LOG = System.getLogger(TransactionalKafkaSink.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    static final String MARKER_GROUP_PREFIX = "eventflux-txn-";

    private final KafkaOptions options;
    private final Records records;
    private final Acks acks;
    private final String markerGroup;
    private final TopicPartition marker;
    /** The first failed send, set by the producer's I/O thread. */
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicInteger failed = new AtomicInteger();
    /** Why the open transaction cannot commit (writer thread). */
    private Exception doomed;
    private boolean inTransaction;
    private volatile Producer<byte[], byte[]> producer;

    TransactionalKafkaSink(KafkaOptions options) {
        this.options = options;
        this.records = new Records(options);
        this.acks = new Acks(Acks.timeoutFor(options));
        this.markerGroup = MARKER_GROUP_PREFIX + options.transactionalId();
        this.marker = new TopicPartition(records.topic(), 0);
    }

    @Override
    public boolean needsSnapshots() {
        return true;
    }

    @Override
    public synchronized String enlist() throws Exception {
        open();
        return ClientLoader.call(this::committedRevision);
    }

    @Override
    public synchronized void start() {
        open();
    }

    /** A producer with the transactional id; initTransactions fences the previous one and aborts its transaction. */
    private void open() {
        if (producer != null) {
            return;
        }
        Producer<byte[], byte[]> p = ClientLoader.call(() -> new KafkaProducer<>(options.client(),
                new ByteArraySerializer(), new ByteArraySerializer()));
        try {
            ClientLoader.run(p::initTransactions);
        } catch (RuntimeException e) {
            ClientLoader.run(() -> p.close(Duration.ZERO));
            throw e;
        }
        producer = p;
    }

    private String committedRevision() {
        Map<String, Object> config = new HashMap<>();
        options.client().forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                config.put(k, v);
            }
        });
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                    Map.of(markerGroup, new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(marker))),
                    new ListConsumerGroupOffsetsOptions().requireStable(true))
                    .partitionsToOffsetAndMetadata(markerGroup).get(60, TimeUnit.SECONDS);
            OffsetAndMetadata m = offsets.get(marker);
            String revision = m == null || m.metadata() == null ? NONE : m.metadata();
            LOG.log(Level.INFO, "stream " + options.stream() + ": kafka transactional id '" + options.transactionalId()
                    + "' last committed the results of snapshot revision "
                    + (revision.isEmpty() ? "(none yet)" : revision));
            return revision;
        } catch (ExecutionException e) {
            throw new KafkaException("reading group '" + markerGroup + "' failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("reading group '" + markerGroup + "' timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        }
    }

    @Override
    public void publish(Object payload, Event event) throws IOException {
        Producer<byte[], byte[]> p = producer;
        try {
            if (!inTransaction) {
                ClientLoader.run(p::beginTransaction);
                inTransaction = true;
            }
            acks.sending();
            try {
                ClientLoader.run(() -> p.send(records.record(payload, event), (metadata, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                        failure.compareAndSet(null, e);
                    }
                    acks.done();
                }));
            } catch (RuntimeException e) {
                acks.done();
                throw e;
            }
        } catch (RuntimeException e) {
            if (doomed == null) {
                doomed = e;
            }
            throw new IOException("stream " + options.stream() + ": cannot send to kafka topic '" + records.topic()
                    + "' in a transaction: " + e + "; the results since the last snapshot are aborted at the next one",
                    e);
        }
    }

    /** Reports sends that failed so far without waiting: the commit waits for the rest. */
    @Override
    public void flush() throws IOException {
        Exception e = failure.getAndSet(null);
        int count = failed.getAndSet(0);
        if (e != null) {
            if (doomed == null) {
                doomed = e;
            }
            throw new IOException("stream " + options.stream() + ": " + count + " record(s) to kafka topic '"
                    + records.topic() + "' failed: " + e + "; the transaction of the results since the last snapshot "
                    + "is aborted at the next one, and the app fails", e);
        }
    }

    /** Writer thread: commits what was sent since the last snapshot, with the revision as its record. */
    @Override
    public void commit(String revision) throws IOException {
        Producer<byte[], byte[]> p = producer;
        if (p == null) {
            throw new IOException("kafka sink is not connected");
        }
        try {
            ClientLoader.run(p::flush);
            String late = acks.await();
            if (late != null && doomed == null) {
                doomed = new IOException(late);
            }
            flush();
            if (doomed != null) {
                throw new IOException("a record of this transaction failed: " + doomed, doomed);
            }
            ClientLoader.run(() -> {
                if (!inTransaction) {
                    p.beginTransaction();
                    inTransaction = true;
                }
                p.sendOffsetsToTransaction(Map.of(marker, new OffsetAndMetadata(0, revision)),
                        new ConsumerGroupMetadata(markerGroup));
                p.commitTransaction();
            });
            inTransaction = false;
            // a send that failed once the commit had begun fails the commit, so nothing is left to report
            failure.set(null);
            failed.set(0);
        } catch (IOException e) {
            abort();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IOException("interrupted while committing", e);
        } catch (RuntimeException e) {
            abort();
            throw new IOException("stream " + options.stream() + ": committing the kafka transaction of topic '"
                    + records.topic() + "' failed, its results are aborted: " + e, e);
        }
    }

    private void abort() {
        Exception cause = doomed;
        acks.clear();
        doomed = null;
        failure.set(null);
        failed.set(0);
        if (!inTransaction) {
            return;
        }
        inTransaction = false;
        try {
            ClientLoader.run(producer::abortTransaction);
        } catch (RuntimeException e) {
            // fenced or fatal: the broker aborts it when the next producer with this id starts
            LOG.log(Level.WARNING, "stream " + options.stream() + ": aborting the kafka transaction failed: " + e
                    + (cause == null ? "" : " (it failed first with " + cause + ")"));
        }
    }

    /** Results not committed by a snapshot are aborted: a restart recomputes them from the last snapshot. */
    @Override
    public synchronized void stop() {
        Producer<byte[], byte[]> p = producer;
        if (p == null) {
            return;
        }
        abort();
        producer = null;
        ClientLoader.run(() -> p.close(CLOSE_TIMEOUT));
    }
}
