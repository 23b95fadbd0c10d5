package io.eventflux.connector.kafka.internal;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends each payload with an asynchronous {@code send}; {@link #flush()} waits for them all (bounded, see
 * {@link Acks}) and fails when any send since the previous flush failed or was not acknowledged in time, so the engine hands those events to the error strategy. The
 * producer is idempotent with {@code acks=all} by default: a retried batch is not written twice, and a
 * retried flush (error strategy {@code retry}) may write some records twice (at-least-once).
 */
final class KafkaSink implements Sink {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaOptions options;
    private final String topic;
    private final Records records;
    private final Acks acks;
    /** The first failure since the last flush, set by the producer's I/O thread. */
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicInteger failed = new AtomicInteger();
    private int sent;
    private Producer<byte[], byte[]> producer;

    KafkaSink(KafkaOptions options) {
        this.options = options;
        this.records = new Records(options);
        this.acks = new Acks(Acks.timeoutFor(options));
        this.topic = records.topic();
    }

    @Override
    public void start() {
        if (producer == null) {
            producer = ClientLoader.call(() -> new KafkaProducer<>(options.client(), new ByteArraySerializer(),
                    new ByteArraySerializer()));
        }
    }

    @Override
    public void publish(Object payload, Event event) throws IOException {
        ProducerRecord<byte[], byte[]> record = records.record(payload, event);
        sent++;
        if (producer == null) {
            start(); // a producer closed by a flush that timed out
        }
        try {
            acks.sending();
            ClientLoader.run(() -> producer.send(record, (metadata, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                    failure.compareAndSet(null, e);
                }
                acks.done();
            }));
        } catch (RuntimeException e) {
            acks.done();
            // send throws itself for a record it can never send (too large) or when metadata is not there in max.block.ms
            throw new IOException("stream " + options.stream() + ": cannot send to kafka topic '" + topic + "': " + e,
                    e);
        }
    }

    @Override
    public void flush() throws IOException {
        ClientLoader.run(producer::flush);
        String late;
        try {
            late = acks.await();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            late = "interrupted";
        }
        int attempted = sent;
        sent = 0;
        Exception e = failure.getAndSet(null);
        int count = failed.getAndSet(0);
        if (late != null) {
            // the producer keeps retrying them: closed without waiting (they fail), a new one on the next publish
            Producer<byte[], byte[]> p = producer;
            producer = null;
            ClientLoader.run(() -> p.close(Duration.ZERO));
            acks.clear();
            failure.set(null);
            failed.set(0);
            throw new IOException("stream " + options.stream() + ": records to kafka topic '" + topic + "' failed: "
                    + late + (e == null ? "" : "; first failure: " + e), e);
        }
        if (e != null) {
            throw new IOException("stream " + options.stream() + ": " + count + " of " + attempted
                    + " records to kafka topic '" + topic + "' failed: " + e, e);
        }
    }

    @Override
    public void stop() {
        Producer<byte[], byte[]> p = producer;
        producer = null;
        if (p != null) {
            // close sends what is buffered first
            ClientLoader.run(() -> p.close(CLOSE_TIMEOUT));
        }
    }
}
