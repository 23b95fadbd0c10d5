package io.eventflux.connector.rabbitmq.internal;

import static io.eventflux.connector.rabbitmq.internal.Broker.options;
import static io.eventflux.connector.rabbitmq.internal.Broker.range;
import static io.eventflux.connector.rabbitmq.internal.Broker.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.io.Source;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rabbitmq source against the machine's broker: manual acks after processed(), prefetch, restarts. */
class RabbitSourceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Broker broker;

    @BeforeEach
    void connect() {
        broker = Broker.connect();
    }

    @AfterEach
    void close() {
        broker.close();
    }

    private static Source source(String queue, String... more) {
        Map<String, String> o = options("rabbitmq.queue", queue);
        for (int i = 0; i < more.length; i += 2) {
            o.put(more[i], more[i + 1]);
        }
        return new RabbitSourceFactory().create(spec("Orders", o, "v"));
    }

    @Test
    void deliversWithLocationAndAcksOnlyOnceProcessed() throws Exception {
        broker.queue("ef-src-ack", null);
        broker.publish("ef-src-ack", range("m", 0, 5));
        RecordingListener listener = new RecordingListener().gated();
        Source source = source("ef-src-ack");
        source.start(listener);
        try {
            Await.until("5 messages", WAIT, () -> listener.received.size() == 5);
            assertThat(listener.values()).containsExactly("m0", "m1", "m2", "m3", "m4");
            assertThat(listener.received).extracting(RecordingListener.Received::location)
                    .containsExactly("ef-src-ack@1", "ef-src-ack@2", "ef-src-ack@3", "ef-src-ack@4", "ef-src-ack@5");
            Await.until("processed() asked", WAIT, () -> listener.processedCalls.get() > 0);
            listener.release();
        } finally {
            source.stop(); // acks what processed() covered
        }
        assertThat(broker.ready("ef-src-ack")).as("acked: nothing goes back to the queue").isZero();
    }

    @Test
    void unprocessedMessagesGoBackToTheQueueAndAreDeliveredAgain() throws Exception {
        broker.queue("ef-src-redeliver", null);
        broker.publish("ef-src-redeliver", range("m", 0, 5));
        RecordingListener first = new RecordingListener().gated();
        Source a = source("ef-src-redeliver", "rabbitmq.stop.timeout.ms", "200");
        a.start(first);
        Await.until("5 messages", WAIT, () -> first.received.size() == 5);
        assertThat(broker.ready("ef-src-redeliver")).as("delivered, unacked").isZero();
        a.stop(); // before processed() completed: the app may have lost them
        // the broker requeues a closed channel's unacked messages asynchronously
        Await.until("the 5 unacked messages back in the queue", WAIT, () -> broker.ready("ef-src-redeliver") == 5);

        RecordingListener second = new RecordingListener();
        Source b = source("ef-src-redeliver");
        b.start(second);
        try {
            Await.until("the same 5 again", WAIT, () -> second.received.size() == 5);
            assertThat(second.values()).containsExactly("m0", "m1", "m2", "m3", "m4");
            assertThat(second.received.get(0).location()).endsWith("(redelivered)");
        } finally {
            b.stop();
        }
        assertThat(broker.ready("ef-src-redeliver")).isZero();
    }

    @Test
    void prefetchBoundsWhatIsDeliveredBeforeTheAppHasProcessedIt() throws Exception {
        broker.queue("ef-src-prefetch", null);
        broker.publish("ef-src-prefetch", range("m", 0, 10));
        RecordingListener listener = new RecordingListener().gated();
        Source source = source("ef-src-prefetch", "rabbitmq.prefetch", "3");
        source.start(listener);
        try {
            Await.until("3 messages", WAIT, () -> listener.received.size() == 3);
            Await.never("more than the prefetch unacked", Duration.ofMillis(800), () -> listener.received.size() > 3);
            listener.release();
            Await.until("all 10 once acks flow", WAIT, () -> listener.received.size() == 10);
            assertThat(listener.values()).containsExactlyElementsOf(range("m", 0, 10));
        } finally {
            source.stop();
        }
        assertThat(broker.ready("ef-src-prefetch")).isZero();
    }

    @Test
    void aFullAppBlocksTheConsumerAndNothingIsLost() throws Exception {
        broker.queue("ef-src-backpressure", null);
        broker.publish("ef-src-backpressure", range("m", 0, 20));
        RecordingListener listener = new RecordingListener().capacity(2);
        Source source = source("ef-src-backpressure");
        source.start(listener);
        try {
            Await.until("2 taken", WAIT, () -> listener.received.size() == 2);
            Await.never("more while the app is full", Duration.ofMillis(500), () -> listener.received.size() > 2);
            listener.addCapacity(100);
            Await.until("all 20", WAIT, () -> listener.received.size() == 20);
            assertThat(listener.values()).as("in order, none lost, none twice")
                    .containsExactlyElementsOf(range("m", 0, 20));
        } finally {
            source.stop();
        }
    }

    @Test
    void pauseAndResumeFromTheEngine() throws Exception {
        broker.queue("ef-src-pause", null);
        RecordingListener listener = new RecordingListener();
        Source source = source("ef-src-pause");
        source.start(listener);
        try {
            broker.publish("ef-src-pause", range("a", 0, 3));
            Await.until("3 messages", WAIT, () -> listener.received.size() == 3);
            source.pause();
            broker.publish("ef-src-pause", range("b", 0, 3));
            Await.never("a message delivered while paused", Duration.ofMillis(800), () -> listener.received.size() > 3);
            source.resume();
            Await.until("the 3 sent while paused", WAIT, () -> listener.received.size() == 6);
            assertThat(listener.values()).containsExactly("a0", "a1", "a2", "b0", "b1", "b2");
        } finally {
            source.stop();
        }
    }

    @Test
    void aConnectionClosedByTheBrokerIsReportedAndItsUnackedMessagesComeBack() throws Exception {
        broker.queue("ef-src-lost", null);
        broker.publish("ef-src-lost", range("m", 0, 4));
        RecordingListener first = new RecordingListener().gated();
        Source source = new RabbitSourceFactory().create(spec("LostOrders", options("rabbitmq.queue", "ef-src-lost"),
                "v"));
        source.start(first);
        try {
            Await.until("4 messages", WAIT, () -> first.received.size() == 4);
            assertThat(Broker.closeConnections("eventflux-app-LostOrders-source")).isEqualTo(1);
            Await.until("the loss reported", WAIT, () -> first.connectionLost.get() != null);
            assertThat(first.connectionLost.get()).hasMessageContaining("stream LostOrders")
                    .hasMessageContaining("ef-src-lost");
        } finally {
            source.stop();
        }
        // what the engine does on onConnectionLost: stop, then start again
        RecordingListener second = new RecordingListener();
        source.start(second);
        try {
            Await.until("the 4 unacked again", WAIT, () -> second.received.size() == 4);
            assertThat(second.values()).containsExactly("m0", "m1", "m2", "m3");
        } finally {
            source.stop();
        }
        assertThat(broker.ready("ef-src-lost")).isZero();
    }

    @Test
    void declaresAMissingQueueOnlyWhenAllowed() throws Exception {
        broker.deleteQueue("ef-src-declared");
        Source refused = source("ef-src-declared", "rabbitmq.declare.queue", "false");
        assertThatThrownBy(() -> refused.start(new RecordingListener())).isInstanceOf(IOException.class)
                .hasMessageContaining("stream Orders").hasMessageContaining("queue 'ef-src-declared' does not exist");

        Source source = source("ef-src-declared");
        RecordingListener listener = new RecordingListener();
        source.start(listener);
        try {
            broker.publish("ef-src-declared", range("m", 0, 1));
            Await.until("the message", WAIT, () -> listener.received.size() == 1);
        } finally {
            source.stop();
            broker.deleteQueue("ef-src-declared");
        }
    }

    @Test
    void wrongCredentialsFailTheStartWithoutShowingThePassword() {
        Source source = source("ef-src-auth", "rabbitmq.username", "nobody", "rabbitmq.password", "hunter2");
        assertThatThrownBy(() -> source.start(new RecordingListener())).isInstanceOf(IOException.class)
                .hasMessageContaining("amqp://nobody@127.0.0.1:5672").hasMessageNotContaining("hunter2");
    }

    @Test
    void bytesFormatDeliversByteArrays() throws Exception {
        broker.queue("ef-src-bytes", null);
        broker.publish("ef-src-bytes", range("x", 0, 1));
        RecordingListener listener = new RecordingListener();
        Source source = source("ef-src-bytes", "format", "bytes");
        source.start(listener);
        try {
            Await.until("1 message", WAIT, () -> listener.received.size() == 1);
            assertThat(listener.received.get(0).payload()).isEqualTo("x0".getBytes());
        } finally {
            source.stop();
        }
    }
}
