package io.eventflux.connector.kafka.internal;

import io.eventflux.api.io.SnapshotParticipant;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A Kafka consumer in the stream's group, read by one poll thread ({@link PollLoop}). Its snapshot is the
 * position delivered per partition; a restored snapshot seeks there when the partition is assigned. In a
 * persisted app it commits the offsets of each saved snapshot ({@link SnapshotParticipant}); otherwise the
 * offsets of what the app has processed.
 */
final class KafkaSource implements Source, SnapshotParticipant {
    private static final long STOP_WAIT_SECONDS = 30;

    private final KafkaOptions options;
    private final Positions positions = new Positions();
    private volatile PollLoop loop;
    private Thread thread;
    private boolean paused;
    /** Enlisted in a persisted app's snapshots: offsets are committed with them, not after processing. */
    private volatile boolean atSnapshots;

    KafkaSource(KafkaOptions options) {
        this.options = options;
    }

    @Override
    public synchronized void start(SourceListener listener) {
        if (loop != null) {
            throw new IllegalStateException("stream " + options.stream() + ": the kafka source is already started");
        }
        Consumer<byte[], byte[]> consumer = ClientLoader.call(() -> new KafkaConsumer<>(options.client(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        loop = new PollLoop(options, consumer, listener, positions, atSnapshots);
        if (paused) {
            loop.pause(true);
        }
        thread = new Thread(() -> ClientLoader.run(loop), "eventflux-kafka-" + options.app() + "-" + options.stream());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        PollLoop l = loop;
        Thread t = thread;
        loop = null;
        thread = null;
        if (l == null) {
            return;
        }
        l.stop();
        try {
            t.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void pause() {
        paused = true;
        if (loop != null) {
            loop.pause(true);
        }
    }

    @Override
    public synchronized void resume() {
        paused = false;
        if (loop != null) {
            loop.pause(false);
        }
    }

    /**
     * A persisted app: from now on the offsets committed to the group are those of the app's snapshots,
     * once they are saved (and its transactional sinks committed), never ahead of the restorable state.
     */
    @Override
    public String enlist() {
        atSnapshots = true;
        return null;
    }

    /** Writer thread: commits the offsets of the snapshot just saved (on the poll thread, in the background). */
    @Override
    public void commit(String revision) {
        PollLoop l = loop;
        if (l != null) {
            l.commitSnapshot(positions.lastSnapshot());
        }
    }

    @Override
    public Serializable snapshot() {
        return positions.snapshot();
    }

    @Override
    public void restore(Serializable state) {
        positions.restore(state);
    }
}
