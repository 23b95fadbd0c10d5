package io.eventflux.engine.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
    private final TimeKeeper time = TimeKeeper.playback();
    private final List<String> fired = new ArrayList<>();

    private OperatorScheduler scheduler(String name, TimerQueue.Order order) {
        OperatorScheduler s = time.timers().newScheduler(order);
        s.bind(t -> fired.add(name + "@" + t));
        return s;
    }

    @Test
    void timersDueTogetherFireInTheOrderTheirSchedulersWereMadeWhateverOrderTheyWereScheduledIn() {
        OperatorScheduler first = scheduler("first", TimerQueue.Order.NORMAL);
        OperatorScheduler second = scheduler("second", TimerQueue.Order.NORMAL);
        // a restored app schedules its pending timers again in the order of its snapshot, which need not be
        // the order the app that took it scheduled them in: the firing order must not depend on it
        second.schedule(100);
        first.schedule(200);
        first.schedule(100);
        second.schedule(50);

        time.advanceTo(300);

        assertThat(fired).containsExactly("second@50", "first@100", "second@100", "first@200");
    }

    @Test
    void theOrderOfATimerStillComesFirstAmongThoseDueTogether() {
        OperatorScheduler snapshot = scheduler("snapshot", TimerQueue.Order.AFTER_ALL);
        OperatorScheduler window = scheduler("window", TimerQueue.Order.NORMAL);
        OperatorScheduler period = scheduler("period", TimerQueue.Order.PERIOD_END);
        snapshot.schedule(10);
        window.schedule(10);
        period.schedule(10);

        time.advanceTo(10);

        assertThat(fired).containsExactly("period@10", "window@10", "snapshot@10");
    }
}
