package io.eventflux.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deadline pacing on a virtual clock: each read of the clock moves it on by a fixed step. */
class PacerTest {
    /** A clock that moves {@code step} ns every time it is read. */
    private static final class VirtualClock {
        long now;
        final long step;
        long reads;

        VirtualClock(long start, long step) {
            this.now = start;
            this.step = step;
        }

        long read() {
            reads++;
            now += step;
            return now;
        }
    }

    @Test
    void eventsAreDueAtStartPlusIOverRateWithoutDrift() {
        Pacer p = new Pacer(() -> 0, 1_000, 100_000, Thread::onSpinWait);
        assertThat(p.intended(0)).isEqualTo(1_000);
        assertThat(p.intended(1)).isEqualTo(11_000);
        assertThat(p.intended(100_000)).isEqualTo(1_000 + 1_000_000_000L);
        Pacer third = new Pacer(() -> 0, 0, 3, Thread::onSpinWait);
        // 1/3 s does not divide: the schedule rounds each deadline, never accumulates the rounding
        assertThat(third.intended(3)).isEqualTo(1_000_000_000L);
        assertThat(third.intended(3_000_000)).isEqualTo(1_000_000_000_000_000L);
    }

    @Test
    void noEventIsReleasedBeforeItsTime() {
        VirtualClock clock = new VirtualClock(0, 700);
        Pacer p = new Pacer(clock::read, 5_000, 200_000, Thread::onSpinWait); // one every 5 us
        List<Long> releasedAt = new ArrayList<>();
        for (long i = 0; i < 1_000; i++) {
            long due = p.awaitTurn(i);
            assertThat(due).isEqualTo(p.intended(i));
            releasedAt.add(clock.now);
        }
        for (int i = 0; i < releasedAt.size(); i++) {
            assertThat(releasedAt.get(i)).as("event %d", i).isGreaterThanOrEqualTo(p.intended(i))
                    .isLessThan(p.intended(i) + 700);
        }
    }

    @Test
    void overdueEventsGoAtOnceAndKeepTheirIntendedTimes() {
        VirtualClock clock = new VirtualClock(1_000_000, 1);
        Pacer p = new Pacer(clock::read, 0, 1_000, Thread::yield); // one per ms; the clock is already 1 ms late
        long readsBefore = clock.reads;
        assertThat(p.awaitTurn(0)).isZero();
        assertThat(p.awaitTurn(1)).isEqualTo(1_000_000);
        assertThat(clock.reads - readsBefore).as("one look each, no waiting").isEqualTo(2);
    }

    @Test
    void aRateBelowOneIsRejected() {
        assertThatThrownBy(() -> new Pacer(System::nanoTime, 0, 0, Thread::yield)).hasMessageContaining("rate must be at least 1");
    }
}
