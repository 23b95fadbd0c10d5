package io.eventflux.connector.basic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class BasicConnectorsUnitTest {
    private static final StreamSchema CLOCK = new StreamSchema("Clock",
            List.of(new Attribute("t", AttributeType.LONG), new Attribute("x", AttributeType.STRING)));

    /** Records payloads and their locations. */
    private static final class Recorder implements SourceListener {
        final List<Object> payloads = new CopyOnWriteArrayList<>();
        final List<String> locations = new CopyOnWriteArrayList<>();

        @Override
        public void onPayload(Object payload, Map<String, String> headers) {
            payloads.add(payload);
            locations.add(headers.get(LOCATION));
        }

        @Override
        public boolean offer(Object payload, Map<String, String> headers) {
            onPayload(payload, headers);
            return true;
        }

        @Override
        public CompletionStage<Void> processed() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onConnectionLost(Throwable cause) {
        }
    }

    private static boolean await(java.util.function.BooleanSupplier c) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L);
        }
        return c.getAsBoolean();
    }

    @Test
    void timerEmitsTheClocksTimeAndNoMoreAfterStop() throws Exception {
        Clock fixed = Clock.fixed(Instant.ofEpochMilli(123_456L), ZoneOffset.UTC);
        Source timer = new TimerSourceFactory(fixed).create(new ConnectorSpec("a", CLOCK, Map.of("timer.interval", "5 ms")));
        Recorder r = new Recorder();
        timer.start(r);
        assertThat(await(() -> r.payloads.size() >= 2)).isTrue();
        timer.stop();
        int n = r.payloads.size();
        assertThat((Object[]) r.payloads.get(0)).containsExactly(123_456L, null);
        assertThat(r.locations.subList(0, 2)).containsExactly("timer:1", "timer:2");
        assertThat(timer.snapshot()).isEqualTo((long) n);
        assertThat(r.payloads).hasSize(n); // stop() returned: no more ticks
        timer.restore(100L);
        assertThat(timer.snapshot()).isEqualTo(100L);
    }

    @Test
    void timerRejectsABadIntervalAndASchemaWithoutLongTime() {
        TimerSourceFactory f = new TimerSourceFactory();
        assertThatThrownBy(() -> f.create(new ConnectorSpec("a", CLOCK, Map.of("timer.interval", "soon"))))
                .hasMessageContaining("timer.interval").hasMessageContaining("soon");
        assertThatThrownBy(() -> f.create(new ConnectorSpec("a", new StreamSchema("S",
                List.of(new Attribute("t", AttributeType.INT))), Map.of()))).hasMessageContaining("LONG");
    }

    @Test
    void inMemoryTopicsConnectSinksToSourcesOfTheSameBrokerOnly() throws Exception {
        InMemoryBroker broker = new InMemoryBroker();
        ConnectorSpec spec = new ConnectorSpec("a", CLOCK, Map.of("inMemory.topic", "t"));
        Source source = new InMemorySourceFactory(broker).create(spec);
        Sink sink = new InMemorySinkFactory(broker).create(spec);
        Sink otherBroker = new InMemoryConnectors().create(spec);
        Recorder r = new Recorder();
        source.start(r);
        sink.start();
        sink.publish("hello", null);
        sink.publish(new Event(1, new Object[] {1L, "x"}), null);
        otherBroker.publish("elsewhere", null);
        source.stop();
        sink.publish("after stop", null);
        assertThat(r.payloads).hasSize(2);
        assertThat(r.payloads.get(0)).isEqualTo("hello");
        assertThat((Object[]) r.payloads.get(1)).containsExactly(1L, "x");
        assertThat(r.locations).containsOnly("inMemory:t");
        assertThatThrownBy(() -> new InMemorySinkFactory(broker).create(new ConnectorSpec("a", CLOCK, Map.of())))
                .hasMessageContaining("inMemory.topic");
    }

    @Test
    void logSinkTextOfEventsAndPayloads() {
        assertThat(LogSinkFactory.text(new Event(5, new Object[] {"A", 1}))).isEqualTo("[A, 1] @5");
        assertThat(LogSinkFactory.text("x".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("x");
    }
}
