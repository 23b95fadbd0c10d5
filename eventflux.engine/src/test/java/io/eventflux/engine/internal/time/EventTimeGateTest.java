package io.eventflux.engine.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate alone, on virtual time: a manual wall clock and a waker that records what it is asked. */
class EventTimeGateTest {
    private final TimeKeeper time = TimeKeeper.playback();
    private long wallNow;
    private final List<Long> wakeUps = new ArrayList<>();
    private final List<String> published = new ArrayList<>();

    private static StreamSchema schema(String name) {
        return new StreamSchema(name, List.of(new Attribute("ts", AttributeType.LONG), new Attribute("v", AttributeType.INT)));
    }

    private EventTimeGate gate(String delay, String idle, StreamJunction... streams) {
        List<EventTimeGate.Input> inputs = new ArrayList<>();
        for (StreamJunction j : streams) {
            Map<String, String> o = idle == null ? Map.of("event.time", "ts", "watermark.delay", delay)
                    : Map.of("event.time", "ts", "watermark.delay", delay, "watermark.idle.timeout", idle);
            inputs.add(new EventTimeGate.Input(EventTimeOptions.parse("app", j.schema(), o), j, null, null));
        }
        EventTimeGate gate = new EventTimeGate("app", time, () -> wallNow, wakeUps::add, inputs);
        gate.bind((j, e) -> published.add(j.name() + "@" + e.timestamp() + "=" + e.data()[1]));
        gate.start();
        return gate;
    }

    private static Event event(long ts, int v) {
        return new Event(0, new Object[] {ts, v});
    }

    @Test
    void equalEventTimesAreReleasedInArrivalOrder() {
        StreamJunction s = new StreamJunction(schema("S"), false);
        EventTimeGate gate = gate("10", null, s);
        gate.accept(s, event(10, 1));
        gate.accept(s, event(5, 2));
        gate.accept(s, event(10, 3));
        gate.accept(s, event(21, 4)); // watermark 10
        assertThat(published).containsExactly("S@5=2", "S@10=1", "S@10=3");
        assertThat(time.clock().now()).isEqualTo(10);
        assertThat(gate.buffered()).isEqualTo(1);
    }

    @Test
    void idleHeartbeatsMoveEventTimeWithTheWallClockSinceTheLastEvent() {
        StreamJunction s = new StreamJunction(schema("S"), false);
        EventTimeGate gate = gate("500", "100", s);
        assertThat(wakeUps).as("armed one idle timeout after the start").containsExactly(100L);
        wallNow = 20;
        gate.accept(s, event(1000, 1)); // watermark 499
        wallNow = 100;
        gate.heartbeat();
        assertThat(published).isEmpty();
        assertThat(wakeUps).as("next: one timeout after the last event").containsExactly(100L, 120L);
        wallNow = 300; // quiet for 280 ms: event time 1280, watermark 779
        gate.heartbeat();
        assertThat(published).isEmpty();
        assertThat(wakeUps.get(2)).as("quiet: again within the timeout").isEqualTo(400L);
        wallNow = 540; // event time 1520, watermark 1019
        gate.heartbeat();
        assertThat(published).containsExactly("S@1000=1");
        assertThat(time.clock().now()).isEqualTo(1019);
    }

    @Test
    void aStreamWithoutEventsHoldsTheWatermarkBackUntilItsIdleTimeout() {
        StreamJunction s = new StreamJunction(schema("S"), false);
        StreamJunction t = new StreamJunction(schema("T"), false);
        EventTimeGate gate = gate("0", "100", s, t);
        gate.accept(s, event(1000, 1));
        gate.accept(s, event(2000, 2));
        assertThat(published).isEmpty();
        // wall 100: T never had an event and is left out; S, quiet too, is at 2100 (watermark 2099)
        wallNow = 100;
        gate.heartbeat();
        assertThat(published).containsExactly("S@1000=1", "S@2000=2");
        gate.accept(t, event(1500, 3)); // T is back, but behind what was released
        assertThat(t.lateCount()).isEqualTo(1);
    }

    @Test
    void aSnapshotCarriesTheBufferAndTheWatermarks() {
        StreamJunction s = new StreamJunction(schema("S"), false);
        EventTimeGate gate = gate("100", null, s);
        gate.accept(s, event(1000, 1));
        gate.accept(s, event(950, 2));
        gate.accept(s, event(1050, 3));
        Serializable state = gate.snapshot();
        gate.accept(s, event(5000, 9)); // changes the live gate, not the snapshot

        published.clear();
        StreamJunction s2 = new StreamJunction(schema("S"), false);
        EventTimeGate restored = gate("100", null, s2);
        restored.restore(state);
        assertThat(restored.buffered()).isEqualTo(3);
        restored.accept(s2, event(940, 4)); // the watermark (1050 - 101 = 949) came back too: late
        assertThat(s2.lateCount()).isEqualTo(1);
        restored.accept(s2, event(1151, 5));
        assertThat(published).containsExactly("S@950=2", "S@1000=1", "S@1050=3");
    }
}
