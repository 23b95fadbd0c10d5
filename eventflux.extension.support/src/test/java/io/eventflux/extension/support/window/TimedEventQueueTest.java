package io.eventflux.extension.support.window;

import static io.eventflux.extension.testing.WindowHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.Event;
import io.eventflux.extension.testing.WindowHarness;
import org.junit.jupiter.api.Test;

class TimedEventQueueTest {
    private static final TimedEventQueue.Departure EXPIRE = (e, at, out) -> out.expired(e.asExpired(at));

    @Test
    void releasesDueEventsOldestFirstWithOneTimer() {
        WindowHarness h = new WindowHarness();
        TimedEventQueue q = new TimedEventQueue(100, EXPIRE, h);
        q.addLast(event(0, "a"));
        q.ensureTimer();
        q.addLast(event(50, "b"));
        q.ensureTimer();
        assertThat(h.scheduled).as("one outstanding timer").containsExactly(100L);

        q.onTimer(100, h);
        assertThat(h.take()).containsExactly("expired 100 [a, 1.0]");
        assertThat(h.scheduled).containsExactly(100L, 150L);
        assertThat(q.view()).extracting(Event::timestamp).containsExactly(50L);

        q.releaseUpTo(149, h);
        assertThat(h.take()).isEmpty();
        q.releaseUpTo(150, h);
        assertThat(h.take()).containsExactly("expired 150 [b, 1.0]");
        assertThat(q.size()).isZero();
    }

    @Test
    void aStaleTimerFiresHarmlesslyAndDueTimesSaturate() {
        WindowHarness h = new WindowHarness();
        TimedEventQueue q = new TimedEventQueue(Long.MAX_VALUE - 10, EXPIRE, h, 4);
        q.addLast(event(0, "a"));
        q.ensureTimer();
        q.addLast(event(20, "b"));
        assertThat(q.pollFirst().timestamp()).isZero();
        q.onTimer(Long.MAX_VALUE - 10, h);
        assertThat(h.take()).isEmpty();
        assertThat(h.scheduled).containsExactly(Long.MAX_VALUE - 10, Long.MAX_VALUE);
    }

    @Test
    void snapshotRestoresIntoAnotherInstanceAndAsksForItsTimer() {
        WindowHarness h = new WindowHarness();
        TimedEventQueue q = new TimedEventQueue(100, EXPIRE, h);
        q.addLast(event(30, "a"));
        q.addLast(event(40, "b"));
        q.ensureTimer();

        WindowHarness h2 = new WindowHarness();
        TimedEventQueue copy = new TimedEventQueue(100, EXPIRE, h2);
        copy.restore(EventArrays.decode(WindowHarness.roundTrip(q.snapshot())));
        assertThat(h2.scheduled).containsExactly(130L);
        copy.onTimer(140, h2);
        assertThat(h2.take()).containsExactly("expired 130 [a, 1.0]", "expired 140 [b, 1.0]");
    }
}
